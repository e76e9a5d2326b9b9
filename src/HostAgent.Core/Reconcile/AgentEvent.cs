namespace HostAgent.Core.Reconcile;

public enum AgentEventKind
{
    DriftDetected,
    ActionApplied,
    Error,
    ConfigReloaded,
    ConfigRejected,
    InSync,
}

/// <summary>Something that happened, for the Watch stream and the log.</summary>
/// <param name="Component">Null for agent-wide events such as config reloads.</param>
public sealed record AgentEvent(
    DateTimeOffset Time,
    AgentEventKind Kind,
    string? Component,
    string Message,
    IReadOnlyList<PlannedAction> Actions);
