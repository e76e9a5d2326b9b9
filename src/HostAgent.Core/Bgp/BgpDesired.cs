using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>
/// What the daemon's config must say right now: the settings with the router id resolved and the drain
/// applied. A pure function of its inputs; <see cref="BgpConfigRenderer"/> turns it into text.
/// </summary>
/// <param name="Prefixes">Every prefix the node may announce (the prefix list), sorted.</param>
/// <param name="Networks">The prefixes announced now: <paramref name="Prefixes"/>, or none once a drain has withdrawn them.</param>
/// <param name="Communities">Attached to every announcement, sorted; GRACEFUL_SHUTDOWN included while drained.</param>
public sealed record BgpDesired(
    BgpFlavor Flavor,
    uint LocalAsn,
    uint RouterId,
    bool GracefulRestart,
    int RestartTimeSeconds,
    EquatableList<BgpNeighbor> Neighbors,
    EquatableList<Ipv4Cidr> Prefixes,
    EquatableList<Ipv4Cidr> Networks,
    EquatableList<uint> Communities,
    DrainPhase Phase)
{
    public static BgpDesired From(BgpSettings settings, uint routerId, DrainPhase phase)
    {
        var prefixes = settings.Announce.Distinct().OrderBy(static p => p.Network).ThenBy(static p => p.PrefixLength).ToList();
        var communities = new SortedSet<uint>(settings.Communities);
        if (phase != DrainPhase.Active)
        {
            // Kept once withdrawn too, so the withdraw changes only the network statements.
            communities.Add(BgpCommunity.GracefulShutdown);
        }
        var neighbors = settings.Neighbors
            .OrderBy(static n => n.Address)
            .Select(static n => new BgpNeighbor(Ipv4.ToString(n.Address), n.RemoteAsn, n.Description, n.Password, n.Bfd));
        return new BgpDesired(
            settings.Flavor,
            settings.LocalAsn,
            routerId,
            settings.GracefulRestart,
            (int)settings.GracefulRestartTime.TotalSeconds,
            new EquatableList<BgpNeighbor>(neighbors),
            new EquatableList<Ipv4Cidr>(prefixes),
            new EquatableList<Ipv4Cidr>(phase == DrainPhase.Withdrawn ? [] : prefixes),
            new EquatableList<uint>(communities),
            phase);
    }
}
