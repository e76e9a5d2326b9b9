using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Bgp;

/// <summary>bgpd is not running: ask the service manager to start it; it comes up with the config file.</summary>
public sealed record StartBgpDaemon(string Unit, string Reason) : PlannedAction
{
    public override string Kind => "start-bgp-daemon";

    public override string Description => $"start {Unit} (bgpd {Reason})";

    public override string ToString() => Description;
}

/// <summary>
/// Send the difference to the running daemon on one vty connection. On failure the daemon is brought back to
/// <paramref name="Previous"/>, the running config the plan was made from.
/// </summary>
/// <param name="Target">The whole rendered config: written to the file once the daemon runs it.</param>
public sealed record ApplyBgpConfig(BgpConfigChange Change, string Target, string Previous, BgpApplyMethod Method) : PlannedAction
{
    public override string Kind => "apply-bgp-config";

    public override string Description =>
        $"apply {Change.Count} bgp config change(s){(Method == BgpApplyMethod.FrrReload ? " with frr-reload.py" : "")}: {Change.Summary}";

    /// <summary>The records hold the rendered config, passwords included: never print them.</summary>
    public override string ToString() => Description;
}

/// <summary>The running config is right but the file differs: a daemon restart would run something else.</summary>
public sealed record WriteBgpConfigFile(string Path, string Target, string Reason) : PlannedAction
{
    public override string Kind => "write-bgp-config-file";

    public override string Description => $"write {Path} ({Reason})";

    public override string ToString() => Description;
}

/// <summary>
/// What a neighbor is sent differs from what the config says it should be sent: resend the
/// announcements (a soft outbound refresh, no session reset).
/// </summary>
public sealed record RefreshBgpAnnouncements(string Neighbor, EquatableList<Ipv4Cidr> Missing, EquatableList<Ipv4Cidr> Extra) : PlannedAction
{
    public override string Kind => "refresh-bgp-announcements";

    public override string Description =>
        $"resend announcements to {Neighbor}" +
        (Missing.Count > 0 ? $"; missing: {string.Join(", ", Missing)}" : "") +
        (Extra.Count > 0 ? $"; not expected: {string.Join(", ", Extra)}" : "");

    public override string ToString() => Description;
}
