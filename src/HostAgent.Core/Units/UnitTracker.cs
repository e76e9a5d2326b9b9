using HostAgent.Core.Reconcile;
using Microsoft.Extensions.Logging;

namespace HostAgent.Core.Units;

/// <summary>
/// The last known state of every followed unit. Each change is logged, counted, published as a Watch
/// event and, when the unit failed, raised to the component that owns it.
/// </summary>
public sealed partial class UnitTracker
{
    private readonly Lock _lock = new();
    private readonly EventHub _events;
    private readonly IUnitMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private List<FollowedUnit> _units = [];

    public UnitTracker(EventHub events, IUnitMetrics metrics, TimeProvider time, ILogger<UnitTracker> logger)
    {
        _events = events;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>A followed unit entered the failed state: (unit, owning component or null).</summary>
    public event Action<string, string?>? UnitFailed;

    /// <summary>The followed set or a unit's state changed.</summary>
    public event Action? Changed;

    /// <summary>How daemons are controlled: "systemd", "process", or "none" when nothing can control them.</summary>
    public string Manager { get; set; } = "none";

    /// <summary>Every followed unit in follow order.</summary>
    public IReadOnlyList<FollowedUnit> Units
    {
        get
        {
            lock (_lock)
            {
                return _units;
            }
        }
    }

    public FollowedUnit? Find(string unit) => Units.FirstOrDefault(u => u.Name == unit);

    /// <summary>Follows exactly the selected units; states of units still followed are kept.</summary>
    public void Follow(UnitSelection selection)
    {
        List<string> dropped;
        lock (_lock)
        {
            var previous = _units.ToDictionary(u => u.Name, StringComparer.Ordinal);
            dropped = [.. previous.Keys.Where(name => !selection.Units.Contains(name, StringComparer.Ordinal))];
            _units = [.. selection.Units.Select(name => previous.TryGetValue(name, out var known)
                ? known with { Owner = selection.Owners.GetValueOrDefault(name) }
                : new FollowedUnit(name, selection.Owners.GetValueOrDefault(name), null, null))];
        }
        foreach (var unit in dropped)
        {
            _metrics.UnitForgotten(unit);
        }
        Changed?.Invoke();
    }

    /// <summary>Records a state the service manager reported; states of units not followed are ignored.</summary>
    public void Update(UnitState state)
    {
        FollowedUnit? before;
        FollowedUnit after;
        lock (_lock)
        {
            var index = _units.FindIndex(u => u.Name == state.Unit);
            if (index < 0)
            {
                return;
            }
            before = _units[index];
            if (before.State == state)
            {
                return;
            }
            after = before with { State = state, Since = _time.GetUtcNow() };
            _units = [.. _units[..index], after, .. _units[(index + 1)..]];
        }
        _metrics.UnitStateChanged(state);
        Changed?.Invoke();
        if (before.State is { } previous)
        {
            var message = $"{state.Unit}: {previous} -> {state}";
            if (state.IsFailed)
            {
                LogUnitFailed(state.Unit, previous.ToString(), state.ToString());
            }
            else
            {
                LogUnitChanged(state.Unit, previous.ToString(), state.ToString());
            }
            _events.Publish(new AgentEvent(after.Since!.Value, AgentEventKind.UnitStateChanged, after.Owner, message, [], state.Unit));
        }
        if (state.IsFailed && before.State?.IsFailed != true)
        {
            UnitFailed?.Invoke(state.Unit, after.Owner);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "unit {Unit}: {Before} -> {After}")]
    private partial void LogUnitChanged(string unit, string before, string after);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "unit {Unit} failed: {Before} -> {After}")]
    private partial void LogUnitFailed(string unit, string before, string after);
}
