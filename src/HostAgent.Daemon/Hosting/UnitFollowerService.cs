using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// Follows the units the agent depends on (config agent.followUnits and the units its components own)
/// and feeds their states to the <see cref="UnitTracker"/>; follows the new set after every reload.
/// A unit that fails wakes the component that owns it, through a <see cref="UnitFailureSignal"/> for
/// every component that owns units.
/// </summary>
public sealed partial class UnitFollowerService : BackgroundService
{
    private readonly UnitTracker _tracker;
    private readonly ConfigHolder _config;
    private readonly IEnumerable<IComponent> _components;
    private readonly Reconciler _reconciler;
    private readonly List<UnitFailureSignal> _failureSignals = [];
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<UnitFollowerService> _logger;
    private readonly IUnitMonitor? _monitor;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationToken _stopping;

    public UnitFollowerService(
        UnitTracker tracker,
        ConfigHolder config,
        IEnumerable<IComponent> components,
        Reconciler reconciler,
        IHostApplicationLifetime lifetime,
        ILogger<UnitFollowerService> logger,
        IUnitMonitor? monitor = null,
        IServiceManager? manager = null)
    {
        _tracker = tracker;
        _config = config;
        _components = components;
        _reconciler = reconciler;
        _lifetime = lifetime;
        _logger = logger;
        _monitor = monitor;
        // Without systemd, components that own daemons start and stop them themselves.
        tracker.Manager = manager?.Kind ?? (components.Any(c => c is IUnitOwner) ? "process" : "none");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        foreach (var owner in _components.Where(c => c is IUnitOwner))
        {
            var signal = new UnitFailureSignal(owner.Name, _tracker);
            signal.Start(reason => _reconciler.MarkDirty(signal.Component, reason));
            _failureSignals.Add(signal);
        }
        if (_monitor is null)
        {
            // Status still lists what would be followed, without states.
            _tracker.Follow(UnitSelection.From(_config.Current.Agent, _components));
            LogNotFollowing(_tracker.Manager);
            return;
        }
        _monitor.Start(_tracker.Update, OnMonitorLost);
        _config.Changed += OnConfigChanged;
        try
        {
            await FollowAsync().ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _config.Changed -= OnConfigChanged;
            foreach (var signal in _failureSignals)
            {
                signal.Dispose();
            }
        }
    }

    private void OnConfigChanged(HostAgentConfig before, HostAgentConfig after) => _ = FollowAsync();

    private async Task FollowAsync()
    {
        await _gate.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            var selection = UnitSelection.From(_config.Current.Agent, _components);
            _tracker.Follow(selection);
            await _monitor!.FollowAsync(selection.Units, _stopping).ConfigureAwait(false);
            LogFollowing(string.Join(", ", selection.Units), _tracker.Manager);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            LogFollowFailed(exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Without its bus connection the agent would report stale unit states: stop, and let systemd restart it.</summary>
    private void OnMonitorLost(Exception exception)
    {
        LogMonitorLost(exception);
        Environment.ExitCode = 1;
        _lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "following units {Units} ({Manager})")]
    private partial void LogFollowing(string units, string manager);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "not following unit states: no systemd on the system bus (service manager: {Manager})")]
    private partial void LogNotFollowing(string manager);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "cannot follow units")]
    private partial void LogFollowFailed(Exception exception);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Critical, Message = "lost the connection to systemd; stopping so the service manager restarts the agent")]
    private partial void LogMonitorLost(Exception exception);
}
