namespace HostAgent.Core.Bgp;

/// <summary>One configured neighbor: its session as the daemon reports it and what it is sent.</summary>
/// <param name="Session">Null when the daemon is down or does not know the neighbor yet.</param>
/// <param name="Announcements">Null when the daemon is down or the config is not in sync yet.</param>
public sealed record BgpNeighborStatus(BgpNeighbor Neighbor, BgpSession? Session, BgpAnnouncementCheck? Announcements);
