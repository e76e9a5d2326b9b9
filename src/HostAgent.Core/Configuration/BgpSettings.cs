using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>
/// The "bgp" section: what the node announces to whom, and where the daemon and its tools are. Optional:
/// without it the BGP component is not run at all.
/// </summary>
public sealed record BgpSettings
{
    public const string DefaultVtyshPath = "/usr/bin/vtysh";
    public const string DefaultFrrReloadPath = "/usr/lib/frr/frr-reload.py";
    public const string DefaultDrainStateFile = "/var/lib/hostagent/bgp-drain.json";

    /// <summary>What the daemons ask for when unset, and what FRR leaves out of its running config.</summary>
    public static readonly TimeSpan DefaultGracefulRestartTime = TimeSpan.FromSeconds(120);

    public BgpFlavor Flavor { get; init; } = BgpFlavor.Frr;

    /// <summary>The node's AS number, 1 to 4294967295 (2- and 4-byte, written asplain).</summary>
    public required uint LocalAsn { get; init; }

    /// <summary>An explicit router id (host byte order); null to take the address of <see cref="RouterIdInterface"/>.</summary>
    public uint? RouterId { get; init; }

    /// <summary>The uplink whose first IPv4 address becomes the router id when <see cref="RouterId"/> is not set.</summary>
    public string? RouterIdInterface { get; init; }

    /// <summary>Prefixes to announce; defaults to the node's pod CIDR.</summary>
    public required EquatableList<Ipv4Cidr> Announce { get; init; }

    /// <summary>Peers, in the order written; rendered sorted by address as the daemon shows them.</summary>
    public EquatableList<BgpNeighborSettings> Neighbors { get; init; } = new([]);

    /// <summary>Standard communities (AA:NN as a 32-bit value) attached to every announcement, sorted, no duplicates.</summary>
    public EquatableList<uint> Communities { get; init; } = new([]);

    public bool GracefulRestart { get; init; }

    /// <summary>The restart time advertised with graceful restart; whole seconds.</summary>
    public TimeSpan GracefulRestartTime { get; init; } = DefaultGracefulRestartTime;

    /// <summary>How long a drain keeps announcing with GRACEFUL_SHUTDOWN before it withdraws.</summary>
    public TimeSpan DrainWithdrawDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the drained state is kept, so it survives agent and daemon restarts.</summary>
    public string DrainStateFile { get; init; } = DefaultDrainStateFile;

    /// <summary>The file the daemon starts from: frr.conf (frr) or bgpd.conf (quagga).</summary>
    public required string ConfigFile { get; init; }

    public string VtyshPath { get; init; } = DefaultVtyshPath;

    /// <summary>
    /// Where bgpd's vty socket (bgpd.vty) is, for daemons started with their own socket directory; empty: the
    /// pid file's directory, the daemons' default. Also passed to vtysh and frr-reload.py as --vty_socket.
    /// </summary>
    public string VtySocketDir { get; init; } = "";

    /// <summary>Passed to vtysh as --config_dir when not empty, so vtysh reads that vtysh.conf instead of the system one.</summary>
    public string VtyshConfigDir { get; init; } = "";

    /// <summary>The bgpd binary: the Quagga flavour checks configs with "bgpd -C -f".</summary>
    public required string BgpdPath { get; init; }

    /// <summary>bgpd's pid file: how the agent tells whether the daemon runs.</summary>
    public required string PidFile { get; init; }

    /// <summary>The systemd unit that runs the daemon, started when bgpd is found down.</summary>
    public required string ServiceUnit { get; init; }

    /// <summary>Without systemd: the command (program and arguments) that starts the daemon; empty for none.</summary>
    public EquatableList<string> StartCommand { get; init; } = new([]);

    public BgpApplyMethod ApplyMethod { get; init; } = BgpApplyMethod.Diff;

    public string FrrReloadPath { get; init; } = DefaultFrrReloadPath;

    /// <summary>How often the daemon's liveness is polled, on top of file events in its run directory.</summary>
    public TimeSpan LivenessInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often sessions and announcements are looked at: the daemon tells nobody when a session drops, so
    /// this is how status and metrics stay current between other wake-ups.
    /// </summary>
    public TimeSpan SessionPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-component observe-only switch (see <see cref="AgentSettings.ObserveOnly"/>).</summary>
    public bool ObserveOnly { get; init; }

    /// <summary>The distribution's paths for a flavour, used for every path the file leaves out.</summary>
    public static (string ConfigFile, string BgpdPath, string PidFile, string ServiceUnit) DefaultsFor(BgpFlavor flavor) => flavor switch
    {
        BgpFlavor.Quagga => ("/etc/quagga/bgpd.conf", "/usr/sbin/bgpd", "/run/quagga/bgpd.pid", "bgpd.service"),
        _ => ("/etc/frr/frr.conf", "/usr/lib/frr/bgpd", "/run/frr/bgpd.pid", "frr.service"),
    };
}
