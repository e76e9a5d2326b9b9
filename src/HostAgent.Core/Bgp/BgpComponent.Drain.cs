using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>Drain and undrain: the state is stored first, the next run renders and applies it.</summary>
public sealed partial class BgpComponent
{
    /// <summary>
    /// Marks the node drained from now. Draining a drained node keeps its original start (and so its withdraw
    /// deadline) unless a new delay is given.
    /// </summary>
    public BgpDrainState Drain(TimeSpan? withdrawDelay)
    {
        var settings = Settings();
        lock (_lock)
        {
            var current = DrainState(settings);
            var state = current.Drained && withdrawDelay is null
                ? current
                : new BgpDrainState(true, _time.GetUtcNow(), withdrawDelay);
            Store(settings, state);
            LogDrained(state.WithdrawAt(settings.DrainWithdrawDelay)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "?");
            return state;
        }
    }

    public BgpDrainState Undrain()
    {
        var settings = Settings();
        lock (_lock)
        {
            Store(settings, BgpDrainState.NotDrained);
            LogUndrained();
            return BgpDrainState.NotDrained;
        }
    }

    /// <summary>The drained state for the configured state file, read from it the first time.</summary>
    public BgpDrainState DrainState(BgpSettings settings)
    {
        lock (_lock)
        {
            if (_drain is { } known && known.Path == settings.DrainStateFile)
            {
                return known.State;
            }
            var state = _drainStore.Load(settings.DrainStateFile);
            _drain = (settings.DrainStateFile, state);
            return state;
        }
    }

    private void Store(BgpSettings settings, BgpDrainState state)
    {
        // Stored before it is used, so a crash right after still comes back drained.
        _drainStore.Save(settings.DrainStateFile, state);
        _drain = (settings.DrainStateFile, state);
    }

    private BgpSettings Settings() =>
        _config.Current.Bgp ?? throw new InvalidOperationException("bgp is not configured");
}
