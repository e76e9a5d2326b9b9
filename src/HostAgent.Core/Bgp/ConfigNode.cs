namespace HostAgent.Core.Bgp;

/// <summary>One line of a daemon config with the lines indented under it (a "router bgp" block, a route map).</summary>
public sealed record ConfigNode(string Line, IReadOnlyList<ConfigNode> Children)
{
    public bool IsBlock => Children.Count > 0;

    public ConfigNode WithChildren(IReadOnlyList<ConfigNode> children) => new(Line, children);
}
