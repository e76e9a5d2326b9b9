using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Syslog;

/// <summary>
/// Wakes the syslog component every syslog.canaryInterval: each run writes the canary, so a socket that
/// stopped taking messages is found within one interval even when no file event says so.
/// </summary>
public sealed class CanarySchedule : IDriftSignal
{
    private readonly ConfigHolder _config;
    private readonly TimeProvider _time;
    private ITimer? _timer;
    private TimeSpan _period;

    public CanarySchedule(ConfigHolder config, TimeProvider time)
    {
        _config = config;
        _time = time;
    }

    public string Component => SyslogComponent.ComponentName;

    public void Start(Action<string> onSignal)
    {
        _period = Interval();
        _timer = _time.CreateTimer(_ => Tick(onSignal), null, _period, _period);
    }

    public void Dispose() => _timer?.Dispose();

    private void Tick(Action<string> onSignal)
    {
        onSignal("canary");
        // A reload may have changed the interval; the next tick follows it.
        var period = Interval();
        if (period != _period)
        {
            _period = period;
            _timer?.Change(period, period);
        }
    }

    private TimeSpan Interval() => _config.Current.Syslog?.CanaryInterval ?? new SyslogSettings().CanaryInterval;
}
