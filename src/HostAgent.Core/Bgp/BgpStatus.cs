using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>The BGP view of the last observation, for GetBgpStatus and the metrics.</summary>
/// <param name="Problem">Why no config could be rendered (the router id's interface is missing); null otherwise.</param>
/// <param name="Announced">The wanted prefixes the daemon holds as its own routes, i.e. can announce.</param>
/// <param name="PendingChanges">How many config lines differ from the target (0 when in sync or unknown).</param>
public sealed record BgpStatus(
    BgpFlavor Flavor,
    uint LocalAsn,
    uint? RouterId,
    string? Problem,
    BgpDaemonProbe Daemon,
    IReadOnlyList<BgpNeighborStatus> Neighbors,
    IReadOnlyList<Ipv4Cidr> Prefixes,
    IReadOnlyList<Ipv4Cidr> Announced,
    BgpDrainState Drain,
    DrainPhase Phase,
    DateTimeOffset? WithdrawAt,
    BgpCheckResult? Check,
    int PendingChanges,
    BgpApplyRecord? LastApply,
    DateTimeOffset ObservedAt);
