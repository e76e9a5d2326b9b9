namespace HostAgent.Core.Configuration;

/// <summary>
/// The "syslog" section: the log socket directory that containers bind-mount, and the rsyslog drop-in
/// that forwards to the central servers. Optional: without it the syslog component is not run at all.
/// </summary>
public sealed record SyslogSettings
{
    public const string DefaultDirectory = "/run/hostagent/syslog";
    public const string DefaultSocketName = "log";
    public const string DefaultDropInDirectory = "/etc/rsyslog.d";
    public const string DefaultMainConfig = "/etc/rsyslog.conf";
    public const string DefaultSpoolDirectory = "/var/spool/rsyslog";
    public const string DefaultStateDirectory = "/var/lib/hostagent/syslog";
    public const string DefaultServiceUnit = "rsyslog.service";

    /// <summary>The agent's file in the drop-in directory; "10-" puts it before the distribution's own rules.</summary>
    public const string DropInName = "10-hostagent.conf";

    /// <summary>The directory bind-mounted into every container; the socket lives inside it.</summary>
    public string Directory { get; init; } = DefaultDirectory;

    public string SocketName { get; init; } = DefaultSocketName;

    /// <summary>Owner of the directory and the socket: a user name or a numeric id.</summary>
    public string Owner { get; init; } = "root";

    /// <summary>Group of the directory and the socket: a group name or a numeric id.</summary>
    public string Group { get; init; } = "root";

    /// <summary>Permission bits of the directory (0755: everyone may reach the socket).</summary>
    public int Mode { get; init; } = Convert.ToInt32("755", 8);

    /// <summary>Permission bits of the socket (0666: any process in any container may log).</summary>
    public int SocketMode { get; init; } = Convert.ToInt32("666", 8);

    /// <summary>
    /// When true the socket is held outside rsyslogd (by a systemd socket unit, or by the agent where there is
    /// no systemd), so datagrams sent while rsyslog restarts wait in it instead of being refused.
    /// </summary>
    public bool HoldSocket { get; init; } = true;

    /// <summary>imuxsock rate limit window in seconds; 0 turns rate limiting off.</summary>
    public int RateLimitInterval { get; init; }

    /// <summary>Messages one process may send per <see cref="RateLimitInterval"/>.</summary>
    public int RateLimitBurst { get; init; } = 200;

    /// <summary>Central servers; every message goes to each of them, each through its own disk-assisted queue.</summary>
    public EquatableList<SyslogServerSettings> Servers { get; init; } = new([]);

    /// <summary>
    /// Where the queues spill to disk while a server is away; empty: rsyslog's own work directory (its main
    /// config's workDirectory, /var/spool/rsyslog on Debian and /var/lib/rsyslog on EL), or
    /// <see cref="DefaultSpoolDirectory"/> when it names none.
    /// </summary>
    public string SpoolDirectory { get; init; } = "";

    /// <summary>Disk space each forwarding queue may use, as rsyslog writes it: a number with k, m or g.</summary>
    public string MaxDiskSpace { get; init; } = "1g";

    /// <summary>rsyslog's main config: checked with every candidate drop-in, never changed.</summary>
    public string MainConfig { get; init; } = DefaultMainConfig;

    /// <summary>The directory the main config includes; the agent's drop-in is one file in it.</summary>
    public string DropInDirectory { get; init; } = DefaultDropInDirectory;

    /// <summary>The agent's own files: rsyslog's statistics (impstats) and the hash of the drop-in rsyslog runs.</summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory;

    /// <summary>How often rsyslog writes its statistics; whole seconds.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the agent writes a canary message to the socket.</summary>
    public TimeSpan CanaryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Restarts of rsyslog are at least this far apart, so a flapping config cannot keep it restarting.</summary>
    public TimeSpan RestartMinInterval { get; init; } = TimeSpan.FromSeconds(30);

    public string ServiceUnit { get; init; } = DefaultServiceUnit;

    /// <summary>Without systemd: rsyslogd in the foreground (-n), run and restarted by the agent; empty for none.</summary>
    public EquatableList<string> StartCommand { get; init; } = new([]);

    /// <summary>rsyslogd's pid file (its -i), so an agent that restarts finds the rsyslogd it started; "" for none.</summary>
    public string PidFile { get; init; } = "";

    /// <summary>When true the agent's own log goes to the socket too (RFC 5424), besides standard output.</summary>
    public bool AgentLogs { get; init; } = true;

    /// <summary>Per-component observe-only switch (see <see cref="AgentSettings.ObserveOnly"/>).</summary>
    public bool ObserveOnly { get; init; }

    public string SocketPath => Path.Combine(Directory, SocketName);

    public string DropInPath => Path.Combine(DropInDirectory, DropInName);

    public string StatsFile => Path.Combine(StateDirectory, "rsyslog-stats.json");
}
