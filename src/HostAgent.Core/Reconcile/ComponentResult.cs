namespace HostAgent.Core.Reconcile;

/// <summary>What one reconcile run of a component did.</summary>
/// <param name="Applied">Actions carried out, in order.</param>
/// <param name="Skipped">Actions planned but not carried out because the component only observes.</param>
/// <param name="Error">Why the run failed; null when it did not.</param>
public sealed record ComponentResult(
    string Component,
    IReadOnlyList<PlannedAction> Applied,
    IReadOnlyList<PlannedAction> Skipped,
    IReadOnlyList<Finding> Findings,
    bool InSync,
    string? Error,
    TimeSpan Duration);
