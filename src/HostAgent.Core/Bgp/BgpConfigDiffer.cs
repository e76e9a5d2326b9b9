using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>
/// The difference between the running config and the target, as the commands that make the daemon run the
/// target: nothing when they mean the same. Only the agent's own objects are compared (see <see cref="OwnedConfig"/>).
/// Additions come before removals, so a new prefix is announced before an old one is withdrawn, and a changed
/// value is sent as its new line alone, which the daemon applies in place without touching the session.
/// </summary>
public static class BgpConfigDiffer
{
    public static BgpConfigChange Diff(DaemonConfig target, DaemonConfig running, BgpFlavor flavor)
    {
        var want = OwnedConfig.From(target, flavor, hideFrrDefaults: running.IsFrr);
        var have = OwnedConfig.From(running, flavor, hideFrrDefaults: false);
        var script = new BgpScriptWriter();
        // A global line is one value that the daemon replaces in place; a prefix list entry is not overwritten.
        AddLines(want.Globals, have.Globals, script, policy: false, overwrites: true);
        RemoveLines(want.Globals, have.Globals, script, policy: false);
        AddLines(want.PrefixLists, have.PrefixLists, script, policy: true, overwrites: false);
        foreach (var routeMap in want.RouteMaps)
        {
            DiffBlock([], routeMap, have.RouteMaps.FirstOrDefault(r => r.Line == routeMap.Line), script, policy: true, new HashSet<string>());
        }
        DiffRouters(want, have, script);
        foreach (var routeMap in have.RouteMaps.Where(r => want.RouteMaps.All(w => w.Line != r.Line)))
        {
            script.Remove([], routeMap.Line, policy: true);
        }
        RemoveLines(want.PrefixLists, have.PrefixLists, script, policy: true);
        var change = script.Build();
        // A fresh router sends everything anyway; an existing one keeps its old announcements until refreshed.
        var routerKept = want.Routers.Count > 0 && have.Routers.Any(r => r.Line == want.Routers[0].Line);
        return change with { RefreshOutbound = change.RefreshOutbound && routerKept };
    }

    /// <summary>
    /// Top-level lines that each set one value under their key (<see cref="ConfigLineKey"/>): the target's new
    /// lines. Where the daemon does not overwrite (<paramref name="overwrites"/> false), the running line with
    /// the same key is removed first.
    /// </summary>
    private static void AddLines(IReadOnlyList<string> want, IReadOnlyList<string> have, BgpScriptWriter script, bool policy, bool overwrites)
    {
        foreach (var line in want.Where(l => !have.Contains(l)))
        {
            if (!overwrites)
            {
                foreach (var old in have.Where(h => h != line && ConfigLineKey.Of(h) == ConfigLineKey.Of(line)))
                {
                    script.Remove([], old, policy);
                }
            }
            script.Add([], line, policy);
        }
    }

    /// <summary>Running top-level lines whose key the target no longer has (a replaced one went with its replacement).</summary>
    private static void RemoveLines(IReadOnlyList<string> want, IReadOnlyList<string> have, BgpScriptWriter script, bool policy)
    {
        var wantKeys = want.Select(ConfigLineKey.Of).ToHashSet(StringComparer.Ordinal);
        foreach (var line in have.Where(h => !want.Contains(h) && !wantKeys.Contains(ConfigLineKey.Of(h))))
        {
            script.Remove([], line, policy);
        }
    }

    private static void DiffRouters(OwnedConfig want, OwnedConfig have, BgpScriptWriter script)
    {
        var target = want.Routers.FirstOrDefault();
        var kept = target is null ? null : have.Routers.FirstOrDefault(r => r.Line == target.Line);
        // Another AS number (or a router the agent did not render) goes first: a daemon runs one default instance.
        foreach (var other in have.Routers.Where(r => r != kept))
        {
            script.Remove([], other.Line, policy: false);
        }
        if (target is null)
        {
            return;
        }
        var removedNeighbors = RemovedNeighbors(target, kept);
        DiffBlock([], target, kept, script, policy: false, removedNeighbors);
    }

    /// <summary>Neighbors the target no longer has: one "no neighbor A" removes every line about them.</summary>
    private static HashSet<string> RemovedNeighbors(ConfigNode target, ConfigNode? running)
    {
        var wanted = target.Children.Select(static c => ConfigLineKey.Of(c.Line)).ToHashSet(StringComparer.Ordinal);
        return running?.Children
            .Where(c => c.Line.Split(' ') is ["neighbor", _, "remote-as", _] && !wanted.Contains(ConfigLineKey.Of(c.Line)))
            .Select(static c => ConfigLineKey.NeighborOf(c.Line)!)
            .ToHashSet(StringComparer.Ordinal) ?? [];
    }

    private static void DiffBlock(
        IReadOnlyList<string> context, ConfigNode target, ConfigNode? running, BgpScriptWriter script, bool policy, HashSet<string> removedNeighbors)
    {
        if (running is null)
        {
            AddNode(context, target, script, policy);
            return;
        }
        List<string> inside = [.. context, target.Line];
        DiffChildren(inside, target.Children, running.Children, script, policy, removedNeighbors);
    }

    private static void DiffChildren(
        IReadOnlyList<string> context, IReadOnlyList<ConfigNode> target, IReadOnlyList<ConfigNode> running, BgpScriptWriter script, bool policy,
        HashSet<string> removedNeighbors)
    {
        var runningLines = running.ToDictionary(static r => r.Line, StringComparer.Ordinal);
        foreach (var wanted in target)
        {
            if (runningLines.TryGetValue(wanted.Line, out var present))
            {
                if (wanted.IsBlock || present.IsBlock)
                {
                    DiffBlock(context, wanted, present, script, policy, removedNeighbors);
                }
                continue;
            }
            AddNode(context, wanted, script, policy);
        }
        var targetLines = target.Select(static t => t.Line).ToHashSet(StringComparer.Ordinal);
        var targetKeys = target.Where(static t => !t.IsBlock).Select(static t => ConfigLineKey.Of(t.Line)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in running.Where(r => !targetLines.Contains(r.Line)))
        {
            var neighbor = ConfigLineKey.NeighborOf(stale.Line);
            if (neighbor is not null && removedNeighbors.Contains(neighbor))
            {
                if (stale.Line.Split(' ') is [_, _, "remote-as", _])
                {
                    script.Command(context, $"no neighbor {neighbor}", $"- neighbor {neighbor}", policy);
                }
                continue;
            }
            var key = ConfigLineKey.Of(stale.Line);
            if (!stale.IsBlock && key != stale.Line && targetKeys.Contains(key))
            {
                // Replaced by the target's line with the same key, already sent above.
                continue;
            }
            RemoveNode(context, stale, script, policy, removedNeighbors);
        }
    }

    private static void AddNode(IReadOnlyList<string> context, ConfigNode node, BgpScriptWriter script, bool policy)
    {
        if (!BgpScriptWriter.OpensBlock(node.Line))
        {
            script.Add(context, node.Line, policy);
            return;
        }
        script.Open(context, node.Line, policy);
        List<string> inside = [.. context, node.Line];
        foreach (var child in node.Children)
        {
            AddNode(inside, child, script, policy);
        }
    }

    /// <summary>A top-level block goes with "no" + its header; a nested one (an address family) has no "no" form, so its lines go one by one.</summary>
    private static void RemoveNode(IReadOnlyList<string> context, ConfigNode node, BgpScriptWriter script, bool policy, HashSet<string> removedNeighbors)
    {
        if (!node.IsBlock || context.Count == 0)
        {
            script.Remove(context, node.Line, policy);
            return;
        }
        List<string> inside = [.. context, node.Line];
        foreach (var child in node.Children)
        {
            var neighbor = ConfigLineKey.NeighborOf(child.Line);
            if (neighbor is null || !removedNeighbors.Contains(neighbor))
            {
                RemoveNode(inside, child, script, policy, removedNeighbors);
            }
        }
    }
}
