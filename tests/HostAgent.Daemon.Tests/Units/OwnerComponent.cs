using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Daemon.Tests.Units;

/// <summary>A component that owns frr.service and is always in sync: its runs show when it was woken.</summary>
internal sealed class OwnerComponent : IComponent, IUnitOwner
{
    public string Name => "routing";

    public bool ObserveOnly => false;

    public IReadOnlyCollection<string> OwnedUnits => ["frr.service"];

    public ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ComponentPlan(Plan.Empty, [], []));

    public ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
