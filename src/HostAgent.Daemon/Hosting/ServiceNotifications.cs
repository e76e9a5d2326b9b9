using System.Diagnostics;
using System.Globalization;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// Tells systemd how the agent is doing: READY=1 once every component has finished its first run (in
/// sync or not), a STATUS= line on every change, WATCHDOG=1 only while every reconcile loop beats,
/// RELOADING=1 around a SIGHUP reload and STOPPING=1 on the way out.
/// </summary>
public sealed partial class ServiceNotifications : BackgroundService
{
    private readonly IServiceNotifier _notifier;
    private readonly Reconciler _reconciler;
    private readonly UnitTracker _units;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<ServiceNotifications> _logger;
    private readonly Lock _statusLock = new();
    private string? _lastStatus;

    public ServiceNotifications(
        IServiceNotifier notifier,
        Reconciler reconciler,
        UnitTracker units,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<ServiceNotifications> logger)
    {
        _notifier = notifier;
        _reconciler = reconciler;
        _units = units;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
        if (notifier.WatchdogTimeout is { } timeout)
        {
            // Several beats per keep-alive period, so one late wake-up never costs a keep-alive.
            reconciler.Heartbeat.IdleInterval = timeout / 4;
        }
    }

    /// <summary>True once READY=1 has been sent.</summary>
    public bool IsReady { get; private set; }

    /// <summary>Re-reads the config with systemd told the agent is reloading, and ready again after.</summary>
    public ReloadOutcome Reload(ConfigReloader reloader)
    {
        var monotonicUsec = Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000);
        _notifier.Notify(string.Create(CultureInfo.InvariantCulture, $"RELOADING=1\nMONOTONIC_USEC={monotonicUsec}"));
        try
        {
            return reloader.Reload();
        }
        finally
        {
            _notifier.Notify($"READY=1\nSTATUS={Describe()}");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = _lifetime.ApplicationStopping.Register(() => _notifier.Notify("STOPPING=1"));
        var watchdog = _notifier.WatchdogTimeout is { } timeout ? WatchdogAsync(timeout, stoppingToken) : Task.CompletedTask;
        try
        {
            await _reconciler.AllFirstRuns.WaitAsync(stoppingToken).ConfigureAwait(false);
            var status = Describe();
            lock (_statusLock)
            {
                _lastStatus = status;
            }
            // Logged first, so the journal shows it before systemd's "Started".
            LogReady(status);
            _notifier.Notify($"READY=1\nSTATUS={status}");
            IsReady = true;
            // Every run and every unit change may change the line; unchanged lines are not re-sent.
            foreach (var runner in _reconciler.Runners)
            {
                runner.StatusChanged += OnStatusChanged;
            }
            _units.Changed += UpdateStatus;
            UpdateStatus();
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var runner in _reconciler.Runners)
            {
                runner.StatusChanged -= OnStatusChanged;
            }
            _units.Changed -= UpdateStatus;
        }
        await watchdog.ConfigureAwait(false);
    }

    private void OnStatusChanged(ComponentStatus status) => UpdateStatus();

    private string Describe() =>
        StatusLine.Describe(_reconciler.Runners.Select(r => r.Status).ToList(), _units.Units);

    private void UpdateStatus()
    {
        var status = Describe();
        lock (_statusLock)
        {
            if (status == _lastStatus)
            {
                return;
            }
            _lastStatus = status;
        }
        _notifier.Notify("STATUS=" + status);
    }

    /// <summary>Keep-alive every half timeout, sent only while no loop has gone a whole timeout without beating.</summary>
    private async Task WatchdogAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(timeout / 2, _time);
        string? stuck = null;
        try
        {
            do
            {
                var stale = _reconciler.Heartbeat.FindStale(_time.GetUtcNow() - timeout);
                if (stale is null)
                {
                    _notifier.Notify("WATCHDOG=1");
                    stuck = null;
                }
                else if (stale != stuck)
                {
                    stuck = stale;
                    LogLoopStuck(stale, _reconciler.Heartbeat.LastBeat(stale)?.ToString("O", CultureInfo.InvariantCulture) ?? "never");
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "ready: {Status}")]
    private partial void LogReady(string status);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Critical, Message = "reconcile loop {Loop} has not run since {LastBeat}: watchdog keep-alive withheld, systemd will restart the agent")]
    private partial void LogLoopStuck(string loop, string lastBeat);
}
