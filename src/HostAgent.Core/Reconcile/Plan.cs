namespace HostAgent.Core.Reconcile;

/// <summary>The ordered actions that bring observed state to desired state, and what else was found.</summary>
public sealed record Plan(IReadOnlyList<PlannedAction> Actions, IReadOnlyList<Finding> Findings)
{
    public static Plan Empty { get; } = new([], []);

    public bool HasConflict => Findings.Any(f => f.Severity == FindingSeverity.Conflict);

    public bool InSync => Actions.Count == 0 && !HasConflict;

    public bool Equivalent(Plan other) =>
        Actions.SequenceEqual(other.Actions) && Findings.SequenceEqual(other.Findings);
}
