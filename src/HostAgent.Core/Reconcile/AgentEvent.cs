namespace HostAgent.Core.Reconcile;

public enum AgentEventKind
{
    DriftDetected,
    ActionApplied,
    Error,
    ConfigReloaded,
    ConfigRejected,
    InSync,
    UnitStateChanged,

    /// <summary>Something a component saw that needs no action of its own, e.g. the log socket replaced by an rsyslog restart.</summary>
    Notice,
}

/// <summary>Something that happened, for the Watch stream and the log.</summary>
/// <param name="Component">Null for agent-wide events such as config reloads.</param>
/// <param name="Unit">The systemd unit a unit state change is about; null for other events.</param>
public sealed record AgentEvent(
    DateTimeOffset Time,
    AgentEventKind Kind,
    string? Component,
    string Message,
    IReadOnlyList<PlannedAction> Actions,
    string? Unit = null);
