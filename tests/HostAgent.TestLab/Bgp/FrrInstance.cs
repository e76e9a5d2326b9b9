using System.Globalization;
using System.Text.Json;

namespace HostAgent.TestLab.Bgp;

/// <summary>
/// One FRR (zebra and bgpd) inside a test namespace, with its own folder (owned by frr:frr) for pid files,
/// the zserv socket and the vty sockets, so several run side by side. Dispose kills what it started, by pid
/// file, and removes the folder.
/// </summary>
public sealed class FrrInstance : IDisposable
{
    public const string Zebra = "/usr/lib/frr/zebra";
    public const string Bgpd = "/usr/lib/frr/bgpd";
    public const string VtyshPath = "/usr/bin/vtysh";

    private readonly TestNetns _netns;

    public FrrInstance(TestNetns netns, string name)
    {
        _netns = netns;
        Directory = System.IO.Directory.CreateTempSubdirectory($"hostagent-frr-{name}-").FullName;
        Cmd.Check("chown", "frr:frr", Directory);
        Cmd.Check("chmod", "755", Directory);
    }

    public static bool Installed => File.Exists(Zebra) && File.Exists(Bgpd) && File.Exists(VtyshPath);

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "frr.conf");

    public string BgpdPidFile => Path.Combine(Directory, "bgpd.pid");

    public string ZebraPidFile => Path.Combine(Directory, "zebra.pid");

    /// <summary>The command that starts bgpd with <paramref name="configFile"/>, detached, as the agent's bgp.startCommand.</summary>
    public IReadOnlyList<string> BgpdCommand(string? configFile = null) =>
    [
        Bgpd, "-d", "-f", configFile ?? ConfigPath, "-i", BgpdPidFile, "-z", Path.Combine(Directory, "zserv.api"),
        "--vty_socket", Directory, "-u", "frr", "-g", "frr", "-p", "179",
    ];

    public void StartZebra()
    {
        _netns.Exec(Zebra, "-d", "-f", "/dev/null", "-i", ZebraPidFile, "-z", Path.Combine(Directory, "zserv.api"), "--vty_socket", Directory, "-u", "frr", "-g", "frr");
        if (!Lab.WaitUntil(() => File.Exists(Path.Combine(Directory, "zebra.vty")), TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("zebra did not start in " + Directory);
        }
    }

    /// <summary>Writes <paramref name="config"/> (owned by frr) and starts bgpd with it.</summary>
    public void StartBgpdWith(string config, string? configFile = null)
    {
        WriteConfig(config, configFile);
        StartBgpd(configFile);
    }

    public void StartBgpd(string? configFile = null)
    {
        var command = BgpdCommand(configFile);
        _netns.Exec(command[0], [.. command.Skip(1)]);
        if (!Lab.WaitUntil(() => TryVtysh("show bgp summary json").Succeeded, TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("bgpd did not start in " + Directory);
        }
    }

    public void WriteConfig(string config, string? configFile = null)
    {
        var path = configFile ?? ConfigPath;
        File.WriteAllText(path, config);
        Cmd.Check("chown", "frr:frr", path);
    }

    public CmdResult Vtysh(params string[] commands) =>
        Cmd.Check(VtyshPath, ["--vty_socket", Directory, .. commands.SelectMany(static c => new[] { "-c", c })]);

    public CmdResult TryVtysh(params string[] commands) =>
        Cmd.Run(VtyshPath, ["--vty_socket", Directory, .. commands.SelectMany(static c => new[] { "-c", c })]);

    /// <summary>bgpd's running config: the text between "router bgp" and "end".</summary>
    public string RunningConfig() => Cmd.Check(VtyshPath, "--vty_socket", Directory, "-d", "bgpd", "-c", "show running-config").StdOut;

    /// <summary>The peers of "show bgp ipv4 unicast summary json", by address; empty when bgpd does not answer.</summary>
    public IReadOnlyDictionary<string, JsonElement> Peers()
    {
        var result = TryVtysh("show bgp ipv4 unicast summary json");
        if (!result.Succeeded || string.IsNullOrWhiteSpace(result.StdOut))
        {
            return new Dictionary<string, JsonElement>();
        }
        using var document = JsonDocument.Parse(result.StdOut);
        return document.RootElement.TryGetProperty("peers", out var peers)
            ? peers.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.Clone())
            : new Dictionary<string, JsonElement>();
    }

    public bool Established(string neighbor) =>
        Peers().TryGetValue(neighbor, out var peer) && peer.GetProperty("state").GetString() == "Established";

    /// <summary>The communities on the best path to <paramref name="prefix"/> in this router's table; null when it has no path.</summary>
    public IReadOnlyList<string>? Communities(string prefix)
    {
        var result = TryVtysh($"show bgp ipv4 unicast {prefix} json");
        if (!result.Succeeded || string.IsNullOrWhiteSpace(result.StdOut))
        {
            return null;
        }
        using var document = JsonDocument.Parse(result.StdOut);
        if (!document.RootElement.TryGetProperty("paths", out var paths) || paths.GetArrayLength() == 0)
        {
            return null;
        }
        // The "string" form names well-known values as the config does, e.g. "65101:100 graceful-shutdown".
        return paths[0].TryGetProperty("community", out var community)
            ? community.GetProperty("string").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];
    }

    public int? BgpdPid() => ReadPid(BgpdPidFile);

    /// <summary>SIGKILL, as a crash: the pid file and sockets stay behind.</summary>
    public void KillBgpd()
    {
        if (BgpdPid() is { } pid)
        {
            Cmd.Run("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Dispose()
    {
        foreach (var pidFile in new[] { BgpdPidFile, ZebraPidFile })
        {
            if (ReadPid(pidFile) is { } pid && IsFrr(pid))
            {
                Cmd.Run("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder must not hide the test's result.
        }
    }

    private static int? ReadPid(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Only an FRR daemon is killed: a stale pid file may name a reused pid.</summary>
    private static bool IsFrr(int pid)
    {
        try
        {
            var name = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
            return name is "bgpd" or "zebra";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
