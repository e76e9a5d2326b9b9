namespace HostAgent.Core.Reconcile;

/// <summary>A snapshot of one component's state in the loop, as reported by status and metrics.</summary>
public sealed record ComponentStatus
{
    public required string Name { get; init; }

    public bool InSync { get; init; }

    public bool ObserveOnly { get; init; }

    /// <summary>False until the first run has finished, in sync or not.</summary>
    public bool HasRun { get; init; }

    public IReadOnlyList<StateField> Desired { get; init; } = [];

    public IReadOnlyList<StateField> Observed { get; init; } = [];

    public IReadOnlyList<PlannedAction> LastPlan { get; init; } = [];

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public string? LastError { get; init; }

    public DateTimeOffset? LastRun { get; init; }

    /// <summary>When the agent last changed the host for this component.</summary>
    public DateTimeOffset? LastChange { get; init; }

    public ulong DriftCount { get; init; }

    public ulong Runs { get; init; }

    public ulong Failures { get; init; }
}
