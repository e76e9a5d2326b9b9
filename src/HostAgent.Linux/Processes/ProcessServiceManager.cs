using HostAgent.Core.Units;
using HostAgent.Linux.Interop;
using Microsoft.Extensions.Logging;

namespace HostAgent.Linux.Processes;

/// <summary>
/// Controls daemons directly where there is no systemd (the lab, a container): start runs the configured
/// command, which must detach (bgpd -d); state is the process behind the pid file; restart is SIGTERM, wait,
/// start. Units it has no command for cannot be started, and say so.
/// </summary>
public sealed partial class ProcessServiceManager : IServiceManager
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly Func<string, ProcessUnit?> _resolve;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="resolve">The unit's command and pid file under the current config; null for a unit it does not know.</param>
    public ProcessServiceManager(Func<string, ProcessUnit?> resolve, TimeProvider time, ILogger<ProcessServiceManager> logger)
    {
        _resolve = resolve;
        _time = time;
        _logger = logger;
    }

    public string Kind => "process";

    public async Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartLockedAsync(unit, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_resolve(unit) is { } known && Running(known) is { } pid)
            {
                LibC.Kill(pid, LibC.SigTerm);
                var started = _time.GetTimestamp();
                while (Running(known) is not null)
                {
                    if (_time.GetElapsedTime(started) > StopTimeout)
                    {
                        LogStopTimeout(unit, pid);
                        return UnitJobResult.Timeout;
                    }
                    await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
                }
            }
            return await StartLockedAsync(unit, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Without a service manager there is no reload contract: a restart is what is left.</summary>
    public Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken) => RestartAsync(unit, cancellationToken);

    public Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken)
    {
        if (_resolve(unit) is not { } known)
        {
            return Task.FromResult<UnitState?>(null);
        }
        return Task.FromResult<UnitState?>(Running(known) is not null
            ? new UnitState(unit, "active", "running")
            : new UnitState(unit, "inactive", "dead"));
    }

    private async Task<UnitJobResult> StartLockedAsync(string unit, CancellationToken cancellationToken)
    {
        if (_resolve(unit) is not { } known)
        {
            LogUnknown(unit);
            return UnitJobResult.Failed;
        }
        if (Running(known) is not null)
        {
            return UnitJobResult.Done;
        }
        if (known.StartCommand.Count == 0)
        {
            LogNoCommand(unit);
            return UnitJobResult.Failed;
        }
        ToolResult result;
        try
        {
            result = await ToolRunner.RunAsync(known.StartCommand[0], [.. known.StartCommand.Skip(1)], StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            LogStartFailed(unit, -1, exception.Message);
            return UnitJobResult.Failed;
        }
        if (result.TimedOut)
        {
            LogStartFailed(unit, -1, $"the start command did not return within {StartTimeout.TotalSeconds:0} s (it must detach, e.g. bgpd -d)");
            return UnitJobResult.Timeout;
        }
        if (result.ExitCode != 0)
        {
            LogStartFailed(unit, result.ExitCode, (result.Error + " " + result.Output).Trim());
            return UnitJobResult.Failed;
        }
        LogStarted(unit, string.Join(' ', known.StartCommand));
        return UnitJobResult.Done;
    }

    /// <summary>The pid of the unit's live process, or null.</summary>
    private static int? Running(ProcessUnit unit) =>
        ProcessTable.ReadPidFile(unit.PidFile) is { } pid && ProcessTable.Live(pid, unit.ProcessName) is not null ? pid : null;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "started {Unit}: {Command}")]
    private partial void LogStarted(string unit, string command);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "starting {Unit} failed (exit code {ExitCode}): {Error}")]
    private partial void LogStartFailed(string unit, int exitCode, string error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "cannot start {Unit}: no start command is configured for it and there is no systemd")]
    private partial void LogNoCommand(string unit);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "cannot control {Unit}: it is not a daemon this agent runs without systemd")]
    private partial void LogUnknown(string unit);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "{Unit} (pid {Pid}) did not stop within 10 s of SIGTERM")]
    private partial void LogStopTimeout(string unit, int pid);
}
