namespace HostAgent.Core.Reconcile;

/// <summary>
/// A managed thing: observe, plan purely against the desired state, apply one action at a time.
/// Implementations are called by one <see cref="ComponentRunner"/> at a time, never concurrently.
/// </summary>
public interface IComponent
{
    string Name { get; }

    /// <summary>True when the current config says this component may only observe and report.</summary>
    bool ObserveOnly { get; }

    /// <summary>Observes the host now and plans against the current desired state; changes nothing.</summary>
    ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken);

    /// <summary>Carries out one action of a plan returned by <see cref="PlanAsync"/>.</summary>
    ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken);
}
