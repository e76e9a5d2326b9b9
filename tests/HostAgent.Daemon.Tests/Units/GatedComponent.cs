using HostAgent.Core.Reconcile;

namespace HostAgent.Daemon.Tests.Units;

/// <summary>A component whose runs wait at a gate the test opens, and whose sync state the test sets.</summary>
internal sealed class GatedComponent : IComponent
{
    private readonly SemaphoreSlim _gate = new(0);

    public string Name => "gated";

    public bool ObserveOnly => false;

    /// <summary>When set, the component reports a conflict with this message (out of sync).</summary>
    public string? Conflict { get; set; }

    /// <summary>Lets one run through.</summary>
    public void Open(int runs = 1) => _gate.Release(runs);

    public async ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        Finding[] findings = Conflict is { } conflict ? [new Finding(FindingSeverity.Conflict, conflict)] : [];
        return new ComponentPlan(new Plan([], findings), [], []);
    }

    public ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
