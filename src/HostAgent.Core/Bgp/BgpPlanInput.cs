using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>Everything the planner decides from.</summary>
/// <param name="Target">The rendered config of <paramref name="Desired"/>.</param>
public sealed record BgpPlanInput(BgpDesired Desired, string Target, BgpSettings Settings, BgpObserved Observed);
