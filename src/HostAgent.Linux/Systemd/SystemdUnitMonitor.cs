using HostAgent.Core.Units;
using Microsoft.Extensions.Logging;

namespace HostAgent.Linux.Systemd;

/// <summary>
/// Follows unit states through systemd's PropertiesChanged signals. For each unit it subscribes first
/// and reads the state second, so no change between the two is missed, and drops that first reading
/// when a signal has already brought a newer state.
/// </summary>
public sealed partial class SystemdUnitMonitor : IUnitMonitor
{
    private readonly SystemdBus _bus;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Followed> _followed = new(StringComparer.Ordinal);
    private Action<UnitState> _onState = static _ => { };
    private volatile bool _disposed;

    public SystemdUnitMonitor(SystemdBus bus, ILogger<SystemdUnitMonitor> logger)
    {
        _bus = bus;
        _logger = logger;
    }

    public void Start(Action<UnitState> onState, Action<Exception> onError)
    {
        _onState = onState;
        _ = ReportLostConnectionAsync(onError);
    }

    public async Task FollowAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var dropped in _followed.Keys.Where(u => !units.Contains(u, StringComparer.Ordinal)).ToList())
            {
                _followed.Remove(dropped, out var followed);
                followed!.Stop();
            }
            foreach (var unit in units.Where(u => !_followed.ContainsKey(u)))
            {
                var followed = new Followed();
                _followed[unit] = followed;
                followed.Watch = await _bus.WatchUnitAsync(unit, state => followed.OnSignal(state, _onState)).ConfigureAwait(false);
                var generation = followed.Generation;
                try
                {
                    var state = await _bus.GetUnitStateAsync(unit, cancellationToken).ConfigureAwait(false);
                    if (followed.Generation == generation)
                    {
                        _onState(state);
                    }
                }
                catch (UnitControlException exception)
                {
                    // The signal subscription stands; the state shows up with the unit's next change.
                    LogReadFailed(unit, exception.Message);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var followed in _followed.Values)
        {
            followed.Stop();
        }
        _followed.Clear();
    }

    private async Task ReportLostConnectionAsync(Action<Exception> onError)
    {
        var reason = await _bus.Disconnected.ConfigureAwait(false);
        if (reason is not null && !_disposed)
        {
            onError(reason);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "systemd: cannot read the state of {Unit}: {Reason}")]
    private partial void LogReadFailed(string unit, string reason);

    /// <summary>One followed unit: its subscription and how many signals it has had.</summary>
    private sealed class Followed
    {
        private int _generation;
        private volatile bool _stopped;

        public IDisposable? Watch { get; set; }

        public int Generation => Volatile.Read(ref _generation);

        public void OnSignal(UnitState state, Action<UnitState> onState)
        {
            Interlocked.Increment(ref _generation);
            if (!_stopped)
            {
                onState(state);
            }
        }

        public void Stop()
        {
            _stopped = true;
            Watch?.Dispose();
        }
    }
}
