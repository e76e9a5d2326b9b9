using System.Text;

namespace HostAgent.Core.Bgp;

/// <summary>bgpd.conf for Quagga 0.99: IPv4 unicast statements at the router level, no exit lines.</summary>
public static partial class BgpConfigRenderer
{
    /// <summary>
    /// Quagga announces a network statement whether or not a route for it exists unless told to check;
    /// with the check a bridge that is down or gone withdraws the prefix instead of blackholing pod traffic.
    /// </summary>
    public const string ImportCheckLine = "bgp network import-check";

    private static string RenderQuagga(BgpDesired desired)
    {
        var text = new StringBuilder();
        Line(text, 0, Header);
        Line(text, 0, "!");
        Line(text, 0, RouterLine(desired));
        Line(text, 1, RouterIdLine(desired));
        Line(text, 1, ImportCheckLine);
        if (desired.GracefulRestart)
        {
            Line(text, 1, "bgp graceful-restart");
        }
        if (RendersRestartTime(desired))
        {
            Line(text, 1, RestartTimeLine(desired));
        }
        foreach (var network in desired.Networks)
        {
            Line(text, 1, $"network {network}");
        }
        foreach (var neighbor in desired.Neighbors)
        {
            Line(text, 1, RemoteAsLine(neighbor));
            if (neighbor.Description is { } description)
            {
                Line(text, 1, $"neighbor {neighbor.Address} description {description}");
            }
            if (neighbor.Password is { } password)
            {
                Line(text, 1, $"neighbor {neighbor.Address} password {password}");
            }
            Line(text, 1, $"neighbor {neighbor.Address} route-map {BgpPolicy.ImportRouteMap} in");
            Line(text, 1, $"neighbor {neighbor.Address} route-map {BgpPolicy.ExportRouteMap} out");
        }
        Line(text, 0, "!");
        foreach (var entry in PrefixListLines(desired))
        {
            Line(text, 0, entry);
        }
        Line(text, 0, "!");
        Line(text, 0, $"route-map {BgpPolicy.ImportRouteMap} permit 10");
        Line(text, 0, "!");
        Line(text, 0, $"route-map {BgpPolicy.ExportRouteMap} permit 10");
        Line(text, 1, $"match ip address prefix-list {BgpPolicy.AnnouncePrefixList}");
        if (CommunityLine(desired) is { } communities)
        {
            Line(text, 1, communities);
        }
        Line(text, 0, "!");
        return text.ToString();
    }
}
