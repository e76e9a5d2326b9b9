namespace HostAgent.Core.Bgp;

/// <summary>
/// A daemon config (running or rendered) parsed into its indentation tree.
/// </summary>
/// <param name="Nodes">Top-level lines in order, comments and exit lines removed.</param>
/// <param name="IsFrr">True when the text came from FRR (it prints "frr version"/"frr defaults"), whose defaults differ from Quagga's.</param>
public sealed record DaemonConfig(IReadOnlyList<ConfigNode> Nodes, bool IsFrr)
{
    /// <summary>Lines that only close a block or frame the output; the tree already says where blocks end.</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "end", "exit", "exit-address-family", "exit-vrf", "exit-vnc", "quit", "Building configuration...", "Current configuration:",
    };

    public static DaemonConfig Parse(string text)
    {
        var roots = new List<Builder>();
        var stack = new Stack<Builder>();
        var isFrr = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ', '\t');
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content[0] == '!' || Structural.Contains(content))
            {
                continue;
            }
            var depth = line.Length - content.Length;
            if (depth == 0 && content.StartsWith("frr ", StringComparison.Ordinal))
            {
                isFrr = true;
            }
            var node = new Builder(depth, content);
            while (stack.Count > 0 && stack.Peek().Depth >= depth)
            {
                stack.Pop();
            }
            if (stack.Count == 0)
            {
                roots.Add(node);
            }
            else
            {
                stack.Peek().Children.Add(node);
            }
            stack.Push(node);
        }
        return new DaemonConfig([.. roots.Select(static b => b.Build())], isFrr);
    }

    private sealed class Builder(int depth, string line)
    {
        public int Depth { get; } = depth;

        public List<Builder> Children { get; } = [];

        public ConfigNode Build() => new(line, [.. Children.Select(static c => c.Build())]);
    }
}
