using HostAgent.Core.Units;
using Microsoft.Extensions.Logging;

namespace HostAgent.Linux.Systemd;

/// <summary>
/// Controls the daemons the agent owns through systemd: each start, restart or reload-or-restart is a
/// job whose end (JobRemoved) is waited for, then logged and counted with its result.
/// </summary>
public sealed partial class SystemdServiceManager : IServiceManager
{
    /// <summary>
    /// Longer than a daemon takes to restart (rsyslog ~1 s, an FRR reload a few seconds), shorter than the
    /// watchdog timeout, so a hung job is reported rather than mistaken for a stuck agent.
    /// </summary>
    public static readonly TimeSpan DefaultJobTimeout = TimeSpan.FromSeconds(20);

    private readonly SystemdBus _bus;
    private readonly IUnitMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SystemdServiceManager(SystemdBus bus, IUnitMetrics metrics, TimeProvider time, ILogger<SystemdServiceManager> logger, TimeSpan? jobTimeout = null)
    {
        _bus = bus;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        JobTimeout = jobTimeout ?? DefaultJobTimeout;
    }

    public string Kind => "systemd";

    public TimeSpan JobTimeout { get; }

    public Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken) =>
        RunAsync(UnitAction.Start, "StartUnit", unit, cancellationToken);

    public Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken) =>
        RunAsync(UnitAction.Restart, "RestartUnit", unit, cancellationToken);

    public Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken) =>
        RunAsync(UnitAction.ReloadOrRestart, "ReloadOrRestartUnit", unit, cancellationToken);

    public async Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken)
    {
        var state = await _bus.GetUnitStateAsync(unit, cancellationToken).ConfigureAwait(false);
        return state.IsNotFound ? null : state;
    }

    private async Task<UnitJobResult> RunAsync(UnitAction action, string method, string unit, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        string? raw;
        try
        {
            raw = await _bus.RunJobAsync(method, unit, JobTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (UnitControlException exception)
        {
            LogRefused(action.Name(), unit, exception.Message);
            throw;
        }
        var result = raw is null ? UnitJobResult.Timeout : JobResults.Parse(raw);
        var elapsed = _time.GetElapsedTime(started);
        _metrics.JobCompleted(unit, action, result, elapsed);
        if (result == UnitJobResult.Done)
        {
            LogJobDone(action.Name(), unit, elapsed.TotalMilliseconds);
        }
        else
        {
            LogJobNotDone(action.Name(), unit, raw ?? $"no result within {JobTimeout.TotalSeconds:0} s; the job goes on in systemd", elapsed.TotalMilliseconds);
        }
        return result;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "systemd: {Action} {Unit}: done in {ElapsedMs:F0} ms")]
    private partial void LogJobDone(string action, string unit, double elapsedMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "systemd: {Action} {Unit}: {Result} after {ElapsedMs:F0} ms")]
    private partial void LogJobNotDone(string action, string unit, string result, double elapsedMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "systemd: {Action} {Unit} refused: {Reason}")]
    private partial void LogRefused(string action, string unit, string reason);
}
