using HostAgent.Core.Units;

namespace HostAgent.Core.Reconcile;

/// <summary>
/// The one line systemd shows for the agent (sd_notify STATUS=): how many components are in sync, why
/// the others are not, and which followed units failed, e.g. "1/2 in sync; bgp: 1 neighbor down".
/// </summary>
public static class StatusLine
{
    /// <summary>systemctl status shows one line; longer text only wraps there.</summary>
    public const int MaxLength = 200;

    public static string Describe(IReadOnlyList<ComponentStatus> components, IReadOnlyList<FollowedUnit> units)
    {
        var ran = components.Count(c => c.HasRun);
        var parts = new List<string>();
        if (ran < components.Count)
        {
            parts.Add($"starting: {ran}/{components.Count} reconciled");
        }
        else
        {
            parts.Add($"{components.Count(c => c.InSync)}/{components.Count} in sync");
            parts.AddRange(components.Where(c => !c.InSync).Select(c => $"{c.Name}: {Reason(c)}"));
        }
        var failed = units.Where(u => u.State?.IsFailed == true).Select(u => u.Name).ToList();
        if (failed.Count > 0)
        {
            parts.Add("failed: " + string.Join(", ", failed));
        }
        var line = string.Join("; ", parts);
        return line.Length <= MaxLength ? line : line[..(MaxLength - 3)] + "...";
    }

    private static string Reason(ComponentStatus component)
    {
        if (component.LastError is { Length: > 0 } error)
        {
            return error;
        }
        if (component.Findings.FirstOrDefault(f => f.Severity == FindingSeverity.Conflict) is { } conflict)
        {
            return conflict.Message;
        }
        var pending = component.LastPlan.Count;
        var first = pending > 0 ? $": {component.LastPlan[0].Description}" : "";
        return component.ObserveOnly
            ? $"{pending} action(s) not applied (observe-only){first}"
            : $"{pending} action(s) pending{first}";
    }
}
