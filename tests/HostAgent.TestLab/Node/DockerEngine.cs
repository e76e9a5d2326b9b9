using System.Globalization;

namespace HostAgent.TestLab.Node;

/// <summary>
/// A Docker engine for booted-node tests: the one already running on the default socket, or the tests'
/// own, with its own socket, state and pid file. The tests' own engine makes no bridge and no iptables
/// rules, so it leaves the machine's network as it was; its containers run with no network at all.
/// Test runs at the same time share it: each holds a lease (a file named after its pid), and the last
/// one to leave stops the engine.
/// </summary>
public sealed class DockerEngine : IDisposable
{
    private const string RunDirectory = "/run/hostagent-test-docker";
    private const string OwnSocket = "unix://" + RunDirectory + "/docker.sock";
    private const string PidFile = RunDirectory + "/docker.pid";
    private const string Leases = RunDirectory + "/leases";

    private readonly bool _own;

    private DockerEngine(string host, bool own)
    {
        Host = host;
        _own = own;
    }

    /// <summary>The engine's address, for docker -H.</summary>
    public string Host { get; }

    /// <summary>Uses a running engine, or starts one; null when docker or dockerd is not installed.</summary>
    public static DockerEngine? Start(string dataRoot)
    {
        if (!Executables.OnPath("docker") || !Executables.OnPath("dockerd"))
        {
            return null;
        }
        if (Answers("unix:///var/run/docker.sock"))
        {
            return new DockerEngine("unix:///var/run/docker.sock", own: false);
        }
        using (Lock())
        {
            Directory.CreateDirectory(Leases);
            File.WriteAllText(Lease, "");
            if (!Answers(OwnSocket))
            {
                Launch(dataRoot);
            }
        }
        return new DockerEngine(OwnSocket, own: true);
    }

    /// <summary>docker -H HOST ARGS, returning failures too.</summary>
    public CmdResult Run(params IReadOnlyList<string> arguments) => Cmd.Run("docker", ["-H", Host, .. arguments]);

    /// <summary>docker -H HOST ARGS, throwing on failure.</summary>
    public CmdResult Check(params IReadOnlyList<string> arguments) => Cmd.Check("docker", ["-H", Host, .. arguments]);

    public void Dispose()
    {
        if (!_own)
        {
            return;
        }
        using (Lock())
        {
            File.Delete(Lease);
            // Leases of runs that died without leaving do not keep the engine up.
            var others = Directory.GetFiles(Leases).Select(Path.GetFileName).Where(pid => Directory.Exists($"/proc/{pid}"));
            if (!others.Any() && ReadPid() is { } pid)
            {
                Cmd.Run("kill", "-TERM", pid.ToString(CultureInfo.InvariantCulture));
                Lab.WaitUntil(() => !Directory.Exists($"/proc/{pid}"), TimeSpan.FromSeconds(30));
            }
        }
    }

    private static string Lease => Path.Combine(Leases, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    private static void Launch(string dataRoot)
    {
        Directory.CreateDirectory(dataRoot);
        var log = Path.Combine(dataRoot, "dockerd.log");
        var started = Cmd.Run("sh", "-c",
            $"dockerd --data-root '{dataRoot}' --exec-root {RunDirectory}/exec -H {OwnSocket} --pidfile {PidFile} " +
            $"--bridge=none --iptables=false --ip6tables=false --ip-masq=false >'{log}' 2>&1 & echo $!");
        var pid = int.Parse(started.StdOut.Trim(), CultureInfo.InvariantCulture);
        if (!Lab.WaitUntil(() => Answers(OwnSocket), TimeSpan.FromSeconds(60)))
        {
            Cmd.Run("kill", pid.ToString(CultureInfo.InvariantCulture));
            throw new InvalidOperationException($"dockerd did not answer within 60 s; see {log}");
        }
    }

    /// <summary>An exclusive lock (flock) across processes, for starting, leasing and stopping.</summary>
    private static FileStream Lock()
    {
        Directory.CreateDirectory(RunDirectory);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(RunDirectory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static bool Answers(string host)
    {
        try
        {
            return Cmd.Run("docker", "-H", host, "version", "--format", "{{.Server.Version}}").Succeeded;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static int? ReadPid() =>
        int.TryParse(File.Exists(PidFile) ? File.ReadAllText(PidFile).Trim() : "", NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
}
