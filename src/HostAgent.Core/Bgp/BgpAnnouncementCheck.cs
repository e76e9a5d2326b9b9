using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>What one neighbor should be sent and what it is sent.</summary>
/// <param name="Judged">False while the session is down or a recent change may still be on its way; then nothing is drift.</param>
public sealed record BgpAnnouncementCheck(
    string Neighbor,
    IReadOnlyList<Ipv4Cidr> Expected,
    IReadOnlyList<Ipv4Cidr> Advertised,
    IReadOnlyList<Ipv4Cidr> Missing,
    IReadOnlyList<Ipv4Cidr> Extra,
    bool Judged)
{
    public bool Drifted => Judged && (Missing.Count > 0 || Extra.Count > 0);
}
