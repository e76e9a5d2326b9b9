using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Bgp;

/// <summary>A plan with what was learned on the way: the config difference and the per-neighbor announcements.</summary>
/// <param name="RecheckAt">When the announcements should be looked at again because a change may still be settling.</param>
public sealed record BgpPlan(Plan Plan, BgpConfigChange Change, IReadOnlyList<BgpAnnouncementCheck> Announcements, DateTimeOffset? RecheckAt);
