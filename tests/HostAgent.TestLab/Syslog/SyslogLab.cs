using System.Globalization;
using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Syslog;
using HostAgent.Linux.Syslog;
using HostAgent.TestFakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostAgent.TestLab.Syslog;

/// <summary>
/// A node's logging pipeline with real parts in a temporary directory: rsyslog's main config (the test's own,
/// which also writes every message to a file), its drop-in directory, the socket directory, and the syslog
/// component with the real adapters, running rsyslogd itself (syslog.startCommand) as it does where there is
/// no systemd. Dispose stops rsyslogd and removes it all.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SyslogLab : IDisposable
{
    private readonly string? _netns;
    private readonly string? _spoolDirectory;

    /// <param name="extraSyslogJson">More members of the syslog section, such as "servers": [...].</param>
    /// <param name="netns">The network namespace rsyslogd runs in (through ip netns exec); null for the test's own.</param>
    /// <param name="loadImuxsockInMain">The main config loads imuxsock itself, as Debian's does.</param>
    /// <param name="spoolDirectory">rsyslog's spool directory; null: one the lab makes under its root.</param>
    public SyslogLab(string extraSyslogJson = "", string? netns = null, bool loadImuxsockInMain = false, string? spoolDirectory = null)
    {
        _netns = netns;
        _spoolDirectory = spoolDirectory;
        Root = Directory.CreateTempSubdirectory("hostagent-syslog-lab-").FullName;
        foreach (var sub in new[] { "rsyslog.d", "spool", "state", "work" })
        {
            Directory.CreateDirectory(Path.Combine(Root, sub));
        }
        File.WriteAllText(MainConfig, $$"""
            global(workDirectory="{{Root}}/work")
            {{(loadImuxsockInMain ? "module(load=\"imuxsock\" SysSock.Use=\"off\")" : "")}}
            template(name="lab" type="string" string="%app-name%|%msgid%|%msg%\n")
            $IncludeConfig {{Root}}/rsyslog.d/*.conf
            action(type="omfile" file="{{OutputPath}}" template="lab")
            """);
        ConfigJson = Config(extraSyslogJson);
        Holder = new ConfigHolder(Load(ConfigJson), Path.Combine(Root, "hostagent.json"), DateTimeOffset.UtcNow);
        var settings = Holder.Current.Syslog!;
        Manager = new RsyslogProcessManager(
            settings.StartCommand, settings.PidFile, settings.ServiceUnit, settings.HoldSocket ? settings.SocketPath : null,
            TimeProvider.System, NullLogger<RsyslogProcessManager>.Instance);
        Canary = new UnixSocketCanary(TimeProvider.System, "lab-node");
        Component = new SyslogComponent(
            Holder, new LinuxSocketDirectory(), Canary, new RsyslogTools(), new AtomicSyslogFiles(), null, Manager, Reporter, TimeProvider.System);
        Runner = new ComponentRunner(Component, () => new ReconcileTiming(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1)),
            new EventHub(), NullReconcileMetrics.Instance, TimeProvider.System, NullLogger.Instance);
    }

    public string Root { get; }

    public string MainConfig => Path.Combine(Root, "rsyslog.conf");

    public string SocketDirectory => Path.Combine(Root, "sock");

    public string SocketPath => Path.Combine(SocketDirectory, "log");

    public string DropInPath => Path.Combine(Root, "rsyslog.d", SyslogSettings.DropInName);

    public string PidFile => Path.Combine(Root, "rsyslogd.pid");

    /// <summary>Every message the node's rsyslog got, as app-name|msgid|msg lines.</summary>
    public string OutputPath => Path.Combine(Root, "out.log");

    public string ConfigJson { get; private set; }

    public ConfigHolder Holder { get; }

    public RsyslogProcessManager Manager { get; }

    public UnixSocketCanary Canary { get; }

    public RecordingSyslogReporter Reporter { get; } = new();

    public SyslogComponent Component { get; }

    public ComponentRunner Runner { get; }

    /// <summary>One reconcile run, as the agent's loop makes it.</summary>
    public ComponentResult Reconcile(string reason = "test") => Runner.RunOnceAsync(apply: true, reason, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Puts a new syslog section in force, as a config reload does.</summary>
    public void Reload(string extraSyslogJson)
    {
        ConfigJson = Config(extraSyslogJson);
        Holder.Accept(Load(ConfigJson), DateTimeOffset.UtcNow);
    }

    /// <summary>Restarts rsyslog the way the component does it (rate limit, wait for the socket, owner and mode).</summary>
    public void Restart(string reason) =>
        Component.ApplyAsync(new RestartRsyslog(Holder.Current.Syslog!.ServiceUnit, false, reason), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public IReadOnlyList<string> Lines()
    {
        try
        {
            using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    public void Dispose()
    {
        try
        {
            Manager.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            StopStray();
        }
        finally
        {
            Manager.Dispose();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory must not hide the test's result.
            }
        }
    }

    /// <summary>A whole agent config with this lab's syslog section, for the agent binary ("SOCKET" is its gRPC socket).</summary>
    public string AgentConfig(string extraSyslogJson, string metricsListen = "") =>
        Config(extraSyslogJson, $$"""
              "agent": { "grpcSocket": "SOCKET", "resyncInterval": "1h", "retryMinDelay": "50ms", "retryMaxDelay": "1s", "metricsListen": "{{metricsListen}}" },
            """, inNamespace: false);

    private string Config(string extra, string agentSection = "", bool inNamespace = true)
    {
        var command = new List<string>();
        if (_netns is not null && inNamespace)
        {
            command.AddRange(["ip", "netns", "exec", _netns]);
        }
        command.AddRange(["rsyslogd", "-n", "-f", MainConfig, "-i", PidFile]);
        var commandJson = "[" + string.Join(", ", command.Select(a => $"\"{a}\"")) + "]";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              {{agentSection}}"network": { "podCidr": "10.216.0.0/24" },
              "syslog": {
                "directory": "{{SocketDirectory}}",
                "mainConfig": "{{MainConfig}}",
                "dropInDirectory": "{{Root}}/rsyslog.d",
                "spoolDirectory": "{{_spoolDirectory ?? $"{Root}/spool"}}",
                "stateDirectory": "{{Root}}/state",
                "statsInterval": "1s",
                "restartMinInterval": "100ms",
                "startCommand": {{commandJson}},
                "pidFile": "{{PidFile}}"{{(extra.Length > 0 ? ",\n    " + extra : "")}}
              }
            }
            """);
    }

    /// <summary>An rsyslogd this lab's pid file names that the lab's manager did not start (one an agent binary started).</summary>
    private void StopStray()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }
        try
        {
            if (File.ReadAllText($"/proc/{pid}/comm").Trim() != "rsyslogd")
            {
                return;
            }
        }
        catch (IOException)
        {
            return;
        }
        Cmd.Run("kill", "-TERM", pid.ToString(CultureInfo.InvariantCulture));
        if (!Lab.WaitUntil(() => !Directory.Exists($"/proc/{pid}"), TimeSpan.FromSeconds(10)))
        {
            Cmd.Run("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static HostAgentConfig Load(string json)
    {
        var result = ConfigLoader.Parse(json);
        return result.Config ?? throw new InvalidOperationException("lab config invalid: " + string.Join("; ", result.Errors));
    }
}
