using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Bgp;

/// <summary>
/// Timed wake-ups of the BGP component: the end of a drain's withdraw delay, the session poll, and a second look
/// at announcements that may still have been on their way. One timer per purpose, on the injected clock.
/// </summary>
public sealed class BgpWakeups : IDriftSignal
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (ITimer Timer, DateTimeOffset Due)> _timers = new(StringComparer.Ordinal);
    private Action<string>? _onSignal;

    public BgpWakeups(TimeProvider time)
    {
        _time = time;
    }

    public string Component => BgpComponent.ComponentName;

    public void Start(Action<string> onSignal) => _onSignal = onSignal;

    /// <summary>
    /// Wakes the component at <paramref name="at"/> with <paramref name="reason"/>. A wake-up for the same reason
    /// that is still to come and earlier stays: every observation asks for the next session poll, and status
    /// calls observe too, so a later time would let frequent callers put the loop's own poll off for ever. An
    /// early wake-up costs one run that finds nothing to do.
    /// </summary>
    public void WakeAt(DateTimeOffset at, string reason)
    {
        var now = _time.GetUtcNow();
        var due = at < now ? now : at;
        lock (_lock)
        {
            if (_timers.TryGetValue(reason, out var pending))
            {
                if (pending.Due > now && pending.Due <= due)
                {
                    return;
                }
                pending.Timer.Change(due - now, Timeout.InfiniteTimeSpan);
                _timers[reason] = (pending.Timer, due);
                return;
            }
            _timers[reason] = (_time.CreateTimer(_ => Fire(reason), null, due - now, Timeout.InfiniteTimeSpan), due);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (timer, _) in _timers.Values)
            {
                timer.Dispose();
            }
            _timers.Clear();
        }
    }

    private void Fire(string reason) => _onSignal?.Invoke(reason);
}
