using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>
/// The part of a daemon config the agent owns (every "router bgp" block, the HOSTAGENT-* prefix lists and
/// route maps, and with FRR the route-map delay timer), put in one canonical form per flavour so that equal
/// meaning compares as equal text.
/// </summary>
internal sealed record OwnedConfig(
    IReadOnlyList<string> Globals,
    IReadOnlyList<ConfigNode> Routers,
    IReadOnlyList<string> PrefixLists,
    IReadOnlyList<ConfigNode> RouteMaps)
{
    /// <summary>Global FRR lines the agent renders (<see cref="BgpConfigRenderer.RouteMapDelayLine"/>), by their command.</summary>
    private const string RouteMapDelayCommand = "bgp route-map delay-timer ";

    /// <summary>Lines FRR leaves out of its running config because they are its default (Quagga's is the opposite).</summary>
    private static readonly HashSet<string> FrrHiddenDefaults = new(StringComparer.Ordinal) { BgpConfigRenderer.ImportCheckLine };

    /// <param name="hideFrrDefaults">Drop lines the FRR daemon would not show: set for the target when the running daemon is FRR.</param>
    public static OwnedConfig From(DaemonConfig config, BgpFlavor flavor, bool hideFrrDefaults)
    {
        var globals = new List<string>();
        var routers = new List<ConfigNode>();
        var prefixLists = new List<string>();
        var routeMaps = new List<ConfigNode>();
        foreach (var node in config.Nodes)
        {
            if (flavor == BgpFlavor.Frr && node.Line.StartsWith(RouteMapDelayCommand, StringComparison.Ordinal))
            {
                globals.Add(node.Line);
            }
            else if (node.Line.StartsWith("router bgp ", StringComparison.Ordinal))
            {
                routers.Add(NormalizeRouter(node, flavor, hideFrrDefaults));
            }
            else if (node.Line.StartsWith("ip prefix-list " + BgpPolicy.OwnedPrefix, StringComparison.Ordinal))
            {
                prefixLists.Add(node.Line);
            }
            else if (node.Line.StartsWith("route-map " + BgpPolicy.OwnedPrefix, StringComparison.Ordinal))
            {
                routeMaps.Add(node.WithChildren([.. node.Children.Select(c => NormalizeLine(c, flavor))]));
            }
        }
        return new OwnedConfig(globals, routers, prefixLists, routeMaps);
    }

    public IEnumerable<ConfigNode> All => Globals.Select(static g => new ConfigNode(g, [])).Concat(Routers).Concat(PrefixLists.Select(static p => new ConfigNode(p, []))).Concat(RouteMaps);

    private static ConfigNode NormalizeRouter(ConfigNode router, BgpFlavor flavor, bool hideFrrDefaults)
    {
        var children = new List<ConfigNode>();
        foreach (var child in router.Children)
        {
            if (hideFrrDefaults && FrrHiddenDefaults.Contains(child.Line))
            {
                continue;
            }
            // Quagga writes IPv4 unicast statements at the router level; FRR (also when it runs a Quagga-style
            // file) shows them in an address-family block. The Quagga flavour compares them at the router level.
            if (flavor == BgpFlavor.Quagga && child.Line is "address-family ipv4 unicast" or "address-family ipv4")
            {
                children.AddRange(child.Children.Select(c => NormalizeLine(c, flavor)));
                continue;
            }
            children.Add(NormalizeLine(child, flavor));
        }
        return router.WithChildren(children);
    }

    /// <summary>Community lists are sets: FRR sorts them and names well-known values, Quagga prints fewer names.</summary>
    private static ConfigNode NormalizeLine(ConfigNode node, BgpFlavor flavor)
    {
        if (node.IsBlock)
        {
            return node.WithChildren([.. node.Children.Select(c => NormalizeLine(c, flavor))]);
        }
        const string prefix = "set community ";
        if (!node.Line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return node;
        }
        var words = node.Line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var additive = words.Length > 0 && words[^1] == "additive";
        if (!BgpCommunity.TryParseList(additive ? words[..^1] : words, out var values))
        {
            return node;
        }
        var line = prefix + string.Join(' ', values.Select(v => BgpCommunity.Format(v, flavor))) + (additive ? " additive" : "");
        return new ConfigNode(line, []);
    }
}
