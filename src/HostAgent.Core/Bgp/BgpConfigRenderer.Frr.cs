using System.Text;

namespace HostAgent.Core.Bgp;

/// <summary>frr.conf: the integrated config, in FRR 8's running-config order.</summary>
public static partial class BgpConfigRenderer
{
    /// <summary>
    /// FRR holds back processing of new and changed route maps for 5 s by default, and a new session's first
    /// update waits for it: with the agent's export route map, the /24 reached the ToR 5.1 s after bgpd
    /// started. Applied at once instead (a node has two small route maps), with <see cref="CoalesceTimeLine"/>
    /// it arrives after about 0.6 s (docs/BENCHMARKS.md).
    /// </summary>
    public const string RouteMapDelayLine = "bgp route-map delay-timer 0";

    /// <summary>
    /// How long (ms) FRR waits to gather peers into one update group before a new session's first update;
    /// 1 s by default, meant for routers with many peers coming up together. A node has one or two.
    /// </summary>
    public const string CoalesceTimeLine = "coalesce-time 50";

    private static string RenderFrr(BgpDesired desired)
    {
        var text = new StringBuilder();
        Line(text, 0, Header);
        Line(text, 0, "!");
        Line(text, 0, RouteMapDelayLine);
        Line(text, 0, "!");
        Line(text, 0, RouterLine(desired));
        Line(text, 1, RouterIdLine(desired));
        Line(text, 1, CoalesceTimeLine);
        if (RendersRestartTime(desired))
        {
            Line(text, 1, RestartTimeLine(desired));
        }
        if (desired.GracefulRestart)
        {
            Line(text, 1, "bgp graceful-restart");
        }
        foreach (var neighbor in desired.Neighbors)
        {
            Line(text, 1, RemoteAsLine(neighbor));
            if (neighbor.Description is { } description)
            {
                Line(text, 1, $"neighbor {neighbor.Address} description {description}");
            }
            if (neighbor.Bfd)
            {
                Line(text, 1, $"neighbor {neighbor.Address} bfd");
            }
            if (neighbor.Password is { } password)
            {
                Line(text, 1, $"neighbor {neighbor.Address} password {password}");
            }
        }
        // FRR prints the address family only when something is in it.
        if (desired.Networks.Count > 0 || desired.Neighbors.Count > 0)
        {
            Line(text, 1, "!");
            Line(text, 1, "address-family ipv4 unicast");
            foreach (var network in desired.Networks)
            {
                Line(text, 2, $"network {network}");
            }
            foreach (var neighbor in desired.Neighbors)
            {
                Line(text, 2, $"neighbor {neighbor.Address} route-map {BgpPolicy.ImportRouteMap} in");
                Line(text, 2, $"neighbor {neighbor.Address} route-map {BgpPolicy.ExportRouteMap} out");
            }
            Line(text, 1, "exit-address-family");
        }
        Line(text, 0, "exit");
        Line(text, 0, "!");
        foreach (var entry in PrefixListLines(desired))
        {
            Line(text, 0, entry);
        }
        Line(text, 0, "!");
        Line(text, 0, $"route-map {BgpPolicy.ImportRouteMap} permit 10");
        Line(text, 0, "exit");
        Line(text, 0, "!");
        Line(text, 0, $"route-map {BgpPolicy.ExportRouteMap} permit 10");
        Line(text, 1, $"match ip address prefix-list {BgpPolicy.AnnouncePrefixList}");
        if (CommunityLine(desired) is { } communities)
        {
            Line(text, 1, communities);
        }
        Line(text, 0, "exit");
        Line(text, 0, "!");
        return text.ToString();
    }
}
