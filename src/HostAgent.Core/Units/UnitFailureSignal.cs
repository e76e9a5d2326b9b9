using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Units;

/// <summary>Wakes a component when one of the units it owns fails, so it repairs without waiting for the resync.</summary>
public sealed class UnitFailureSignal : IDriftSignal
{
    private readonly UnitTracker _tracker;
    private Action<string>? _onSignal;

    public UnitFailureSignal(string component, UnitTracker tracker)
    {
        Component = component;
        _tracker = tracker;
    }

    public string Component { get; }

    public void Start(Action<string> onSignal)
    {
        _onSignal = onSignal;
        _tracker.UnitFailed += OnUnitFailed;
    }

    public void Dispose() => _tracker.UnitFailed -= OnUnitFailed;

    private void OnUnitFailed(string unit, string? owner)
    {
        if (owner == Component)
        {
            _onSignal?.Invoke($"{unit} failed");
        }
    }
}
