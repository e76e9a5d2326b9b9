using HostAgent.Core.Units;

namespace HostAgent.TestFakes;

/// <summary>Unit metrics kept in memory, for assertions.</summary>
public sealed class RecordingUnitMetrics : IUnitMetrics
{
    private readonly Lock _lock = new();
    private readonly List<UnitState> _states = [];
    private readonly List<(string, UnitAction, UnitJobResult)> _jobs = [];
    private readonly List<string> _forgotten = [];

    public IReadOnlyList<UnitState> States
    {
        get
        {
            lock (_lock)
            {
                return [.. _states];
            }
        }
    }

    public IReadOnlyList<(string Unit, UnitAction Action, UnitJobResult Result)> Jobs
    {
        get
        {
            lock (_lock)
            {
                return [.. _jobs];
            }
        }
    }

    public IReadOnlyList<string> Forgotten
    {
        get
        {
            lock (_lock)
            {
                return [.. _forgotten];
            }
        }
    }

    public void UnitStateChanged(UnitState state)
    {
        lock (_lock)
        {
            _states.Add(state);
        }
    }

    public void UnitForgotten(string unit)
    {
        lock (_lock)
        {
            _forgotten.Add(unit);
        }
    }

    public void JobCompleted(string unit, UnitAction action, UnitJobResult result, TimeSpan duration)
    {
        lock (_lock)
        {
            _jobs.Add((unit, action, result));
        }
    }
}
