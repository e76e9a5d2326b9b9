namespace HostAgent.Core.Reconcile;

/// <summary>One step of a plan. Concrete actions are records, so plans compare by value.</summary>
public abstract record PlannedAction
{
    /// <summary>Stable, machine-readable kind, e.g. "add-address".</summary>
    public abstract string Kind { get; }

    /// <summary>What the action does, for people.</summary>
    public abstract string Description { get; }
}
