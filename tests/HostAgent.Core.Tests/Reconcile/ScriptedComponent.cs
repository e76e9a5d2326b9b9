using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Tests.Reconcile;

/// <summary>A component whose "host" is a counter of outstanding actions, for testing the loop alone.</summary>
internal sealed class ScriptedComponent : IComponent
{
    private readonly Lock _lock = new();

    public string Name => "scripted";

    public bool ObserveOnly { get; set; }

    /// <summary>How many "fix" actions the host currently needs.</summary>
    public int Outstanding { get; set; }

    public int PlanCalls { get; private set; }

    public int ApplyCalls { get; private set; }

    /// <summary>Apply throws this many times before it starts working.</summary>
    public int FailApplies { get; set; }

    /// <summary>When set, apply "succeeds" but changes nothing, like a daemon that ignores a reload.</summary>
    public bool ApplyIsNoOp { get; set; }

    public List<Finding> Findings { get; } = [];

    public SemaphoreSlim? PlanEntered { get; set; }

    public ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            PlanCalls++;
            PlanEntered?.Release();
            var actions = Enumerable.Range(0, Outstanding).Select(i => (PlannedAction)new Fix(i)).ToList();
            return ValueTask.FromResult(new ComponentPlan(
                new Plan(actions, Findings.ToList()),
                [new StateField("outstanding", "0")],
                [new StateField("outstanding", Outstanding.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
    }

    public ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ApplyCalls++;
            if (FailApplies > 0)
            {
                FailApplies--;
                throw new InvalidOperationException("injected failure");
            }
            if (!ApplyIsNoOp)
            {
                Outstanding--;
            }
        }
        return ValueTask.CompletedTask;
    }

    public sealed record Fix(int Number) : PlannedAction
    {
        public override string Kind => "fix";

        public override string Description => $"fix {Number}";
    }
}
