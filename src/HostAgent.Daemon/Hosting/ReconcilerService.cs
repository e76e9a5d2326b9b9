using System.Diagnostics;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// Runs the component loops and feeds them kernel events. If a loop crashes the agent stops with
/// an error (and systemd restarts it) rather than going on silently without it.
/// </summary>
public sealed partial class ReconcilerService : BackgroundService
{
    /// <summary>How long after the first runs start-up is taken to be over.</summary>
    private static readonly TimeSpan StartUpSettle = TimeSpan.FromSeconds(1);

    private readonly Reconciler _reconciler;
    private readonly INetworkMonitor _monitor;
    private readonly NetworkComponent _network;
    private readonly IEnumerable<IDriftSignal> _signals;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<ReconcilerService> _logger;

    public ReconcilerService(
        Reconciler reconciler,
        INetworkMonitor monitor,
        NetworkComponent network,
        IEnumerable<IDriftSignal> signals,
        IHostApplicationLifetime lifetime,
        ILogger<ReconcilerService> logger)
    {
        _reconciler = reconciler;
        _monitor = monitor;
        _network = network;
        _signals = signals;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribe before the first run, so nothing that changes during it goes unseen.
        _monitor.Start(OnNetworkEvent);
        foreach (var signal in _signals)
        {
            signal.Start(reason => _reconciler.MarkDirty(signal.Component, reason));
        }
        _ = ReportFirstRunAsync(stoppingToken);
        try
        {
            await _reconciler.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogLoopCrashed(exception);
            Environment.ExitCode = 1;
            _lifetime.StopApplication();
        }
    }

    private void OnNetworkEvent(NetworkEvent networkEvent)
    {
        if (_network.IsRelevant(networkEvent))
        {
            _reconciler.MarkDirty(_network.Name, networkEvent.Kind.ToString());
        }
    }

    private async Task ReportFirstRunAsync(CancellationToken stoppingToken)
    {
        await _reconciler.AllFirstRuns.ConfigureAwait(false);
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var inSync = _reconciler.Runners.Count(r => r.Status.InSync);
        LogFirstRun(inSync, _reconciler.Runners.Count, sinceStart.TotalMilliseconds);
        try
        {
            // Start-up (configuration, dependency injection, Kestrel, gRPC) leaves garbage, and GC regions to
            // hold it, that a steady agent never needs again: once the servers are up, one compacting
            // collection gives that memory back to the system.
            await Task.Delay(StartUpSettle, stoppingToken).ConfigureAwait(false);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OperationCanceledException)
        {
            // Stopping before start-up settled.
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Critical, Message = "a reconcile loop crashed; stopping the agent")]
    private partial void LogLoopCrashed(Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "first reconcile finished: {InSync}/{Total} in sync, {SinceStartMs:F1} ms after process start")]
    private partial void LogFirstRun(int inSync, int total, double sinceStartMs);
}
