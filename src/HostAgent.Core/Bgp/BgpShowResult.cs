using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>What one observation read from the running daemon.</summary>
/// <param name="LocalRoutes">The wanted prefixes the node's BGP table holds as its own valid routes.</param>
/// <param name="Advertised">By neighbor address: the prefixes it is sent now.</param>
public sealed record BgpShowResult(
    string RunningConfig,
    IReadOnlyList<BgpSession> Sessions,
    IReadOnlyList<Ipv4Cidr> LocalRoutes,
    IReadOnlyDictionary<string, IReadOnlyList<Ipv4Cidr>> Advertised);
