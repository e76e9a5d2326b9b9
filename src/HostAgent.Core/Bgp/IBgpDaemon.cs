namespace HostAgent.Core.Bgp;

/// <summary>
/// The BGP daemon through its own interfaces: its vty socket (what vtysh talks to) for reading and changing it,
/// its checker for judging a file before it is used, frr-reload.py as the fallback, and its config file.
/// Implemented in HostAgent.Linux (tools run with argument lists, never a shell string); calls throw
/// <see cref="BgpDaemonException"/> when bgpd or a tool cannot be reached.
/// </summary>
public interface IBgpDaemon
{
    /// <summary>Whether bgpd runs, from its pid file; cheap enough to poll every second.</summary>
    BgpDaemonProbe Probe(BgpTooling tooling);

    /// <summary>Runs show commands on one vty connection and returns each one's output (null where bgpd went away before it).</summary>
    Task<IReadOnlyList<string?>> ShowAsync(BgpTooling tooling, IReadOnlyList<string> commands, CancellationToken cancellationToken);

    /// <summary>The daemon's own check of a whole config file (vtysh -C -f for FRR, bgpd -C -f for Quagga); changes nothing.</summary>
    Task<BgpCheckResult> CheckAsync(BgpTooling tooling, string config, CancellationToken cancellationToken);

    /// <summary>
    /// One vty connection: configure terminal, <paramref name="commands"/>, end, then the exec-mode commands in
    /// <paramref name="afterwards"/> (a soft refresh, write memory). Stops at the first command bgpd refuses.
    /// </summary>
    Task<VtyshResult> ConfigureAsync(
        BgpTooling tooling, IReadOnlyList<string> commands, IReadOnlyList<string> afterwards, CancellationToken cancellationToken);

    /// <summary>frr-reload.py --reload with the whole config: the FRR fallback to the diff.</summary>
    Task<VtyshResult> ReloadAsync(BgpTooling tooling, string config, CancellationToken cancellationToken);

    /// <summary>Waits until bgpd answers on its vty socket, after a start; false when it did not within <paramref name="timeout"/>.</summary>
    Task<bool> WaitUntilAnsweringAsync(BgpTooling tooling, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The config file as it is on disk; null when there is none.</summary>
    string? ReadConfigFile(BgpTooling tooling);

    /// <summary>Replaces the config file atomically (temp file, fsync, rename), keeping its owner and mode.</summary>
    void WriteConfigFile(BgpTooling tooling, string config);

    /// <summary>The first half of <see cref="WriteConfigFile"/>: the synced temporary file, for a later commit.</summary>
    IPreparedConfigFile PrepareConfigFile(BgpTooling tooling, string config);
}
