using System.Text;
using HostAgent.Core.Bgp;

namespace HostAgent.TestFakes;

/// <summary>How the fake bgpd carries out config commands: enough of FRR's CLI for what the agent sends.</summary>
public sealed partial class FakeBgpDaemon
{
    private void Execute(List<Node> context, string command)
    {
        if (command is "exit" or "exit-address-family")
        {
            context.RemoveAt(context.Count - 1);
            return;
        }
        var siblings = context.Count == 0 ? _running : context[^1].Children;
        if (command.StartsWith("no ", StringComparison.Ordinal))
        {
            var line = command[3..];
            if (line.Split(' ') is ["neighbor", var address])
            {
                RemoveNeighbor(siblings, address);
                return;
            }
            // "no X" removes the line X, and also "no set community" without its values.
            siblings.RemoveAll(n => n.Line == line || n.Line.StartsWith(line + " ", StringComparison.Ordinal));
            return;
        }
        if (command.StartsWith("route-map ", StringComparison.Ordinal) || command.StartsWith("router ", StringComparison.Ordinal)
            || command.StartsWith("address-family ", StringComparison.Ordinal))
        {
            var block = siblings.Find(n => n.Line == command);
            if (block is null)
            {
                block = new Node(command, []);
                siblings.Add(block);
            }
            context.Add(block);
            return;
        }
        var key = Key(command);
        var existing = siblings.FindIndex(n => Key(n.Line) == key);
        if (existing >= 0)
        {
            siblings[existing] = new Node(command, siblings[existing].Children);
        }
        else
        {
            siblings.Add(new Node(command, []));
        }
    }

    private static void RemoveNeighbor(List<Node> nodes, string address)
    {
        nodes.RemoveAll(n => n.Line.StartsWith($"neighbor {address} ", StringComparison.Ordinal));
        foreach (var node in nodes)
        {
            RemoveNeighbor(node.Children, address);
        }
    }

    /// <summary>The lines that replace one another in FRR: one value per neighbor setting (and direction), one community list.</summary>
    private static string Key(string line) => line.Split(' ') switch
    {
        ["neighbor", var address, "route-map", _, var direction] => $"neighbor {address} route-map {direction}",
        ["neighbor", var address, var setting and ("remote-as" or "description" or "password"), ..] => $"neighbor {address} {setting}",
        ["bgp", "router-id", ..] => "bgp router-id",
        ["set", var attribute, ..] => $"set {attribute}",
        _ => line,
    };

    private sealed record Node(string Line, List<Node> Children)
    {
        public static Node From(ConfigNode node) => new(node.Line, [.. node.Children.Select(From)]);

        public void Write(StringBuilder text, int depth)
        {
            text.Append(' ', depth).Append(Line).Append('\n');
            foreach (var child in Children)
            {
                child.Write(text, depth + 1);
            }
        }
    }
}
