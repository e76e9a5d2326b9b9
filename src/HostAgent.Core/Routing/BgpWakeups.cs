using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Routing;

/// <summary>
/// Timed wake-ups of the BGP component: the end of a drain's withdraw delay, and a second look at
/// announcements that may still have been on their way. One timer per purpose, on the injected clock.
/// </summary>
public sealed class BgpWakeups : IDriftSignal
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private Action<string>? _onSignal;

    public BgpWakeups(TimeProvider time)
    {
        _time = time;
    }

    public string Component => BgpComponent.ComponentName;

    public void Start(Action<string> onSignal) => _onSignal = onSignal;

    /// <summary>Wakes the component at <paramref name="at"/> with <paramref name="reason"/>; a later call for the same reason replaces it.</summary>
    public void WakeAt(DateTimeOffset at, string reason)
    {
        var due = at - _time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }
        lock (_lock)
        {
            if (_timers.TryGetValue(reason, out var timer))
            {
                timer.Change(due, Timeout.InfiniteTimeSpan);
                return;
            }
            _timers[reason] = _time.CreateTimer(_ => Fire(reason), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }
            _timers.Clear();
        }
    }

    private void Fire(string reason) => _onSignal?.Invoke(reason);
}
