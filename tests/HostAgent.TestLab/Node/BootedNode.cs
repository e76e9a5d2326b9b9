using System.Diagnostics;

namespace HostAgent.TestLab.Node;

/// <summary>
/// A container whose PID 1 is systemd, standing for one node: its own network namespace with nothing in
/// it (--network none), systemd, D-Bus, rsyslog and FRR running, and the directory with the packages
/// mounted read-only at /dist. Dispose removes the container, whatever the test did.
/// </summary>
public sealed class BootedNode : IDisposable
{
    private readonly DockerEngine _engine;

    private BootedNode(DockerEngine engine, string name)
    {
        _engine = engine;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Starts the container and waits until systemd reports the system running.</summary>
    public static BootedNode Boot(DockerEngine engine, string image, string packages)
    {
        var name = $"hostagent-node-{Guid.NewGuid():N}"[..27];
        // The flags systemd needs as PID 1 without --privileged (which fails on these machines).
        engine.Check(
            "run", "-d", "--name", name, "--hostname", "node1", "--network", "none",
            "--cap-add", "SYS_ADMIN", "--cap-add", "NET_ADMIN",
            "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
            "--cgroupns=host", "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw",
            "--tmpfs", "/run", "--tmpfs", "/run/lock", "-e", "container=docker",
            "--sysctl", "net.ipv4.ip_forward=1",
            "-v", $"{packages}:/dist:ro",
            image, "/lib/systemd/systemd");
        var node = new BootedNode(engine, name);
        try
        {
            string state = "";
            var up = Lab.WaitUntil(
                () => (state = node.Exec("systemctl", "is-system-running").StdOut.Trim()) is "running" or "degraded",
                TimeSpan.FromSeconds(60));
            if (!up)
            {
                throw new TimeoutException($"systemd in {name} did not come up: {state}\n{node.Exec("systemctl", "--failed", "--no-pager").StdOut}");
            }
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>Runs a program in the node, returning failures too.</summary>
    public CmdResult Exec(string program, params IReadOnlyList<string> arguments) => _engine.Run(["exec", Name, program, .. arguments]);

    /// <summary>Runs a program in the node, throwing (with its output) on failure.</summary>
    public CmdResult Check(string program, params IReadOnlyList<string> arguments) => _engine.Check(["exec", Name, program, .. arguments]);

    /// <summary>A unit property as systemctl show prints it, e.g. Property("hostagent", "ActiveState").</summary>
    public string Property(string unit, string property) =>
        Check("systemctl", "show", unit, "-p", property, "--value").StdOut.Trim();

    /// <summary>Writes a file in the node (through docker exec -i, so no shell quoting is involved).</summary>
    public void WriteFile(string path, string content)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-H", _engine.Host, "exec", "-i", Name, "tee", path })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start docker exec");
        process.StandardInput.Write(content);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"writing {path} in {Name} failed: {stderr.GetAwaiter().GetResult()}");
        }
    }

    /// <summary>Starts a long-running program in the node and collects its output lines as they come.</summary>
    public NodeStream Stream(string program, params IReadOnlyList<string> arguments) =>
        NodeStream.Start("docker", ["-H", _engine.Host, "exec", Name, program, .. arguments]);

    public void Dispose() => _engine.Run("rm", "-f", "-v", Name);
}
