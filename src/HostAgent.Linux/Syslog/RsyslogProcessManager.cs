using HostAgent.Core.Units;
using HostAgent.Linux.Interop;
using HostAgent.Linux.Processes;
using Microsoft.Extensions.Logging;

namespace HostAgent.Linux.Syslog;

/// <summary>
/// Runs rsyslogd where there is no systemd: from syslog.startCommand (rsyslogd in the foreground), handing it
/// the held log socket as systemd would. Restart is SIGTERM, wait, start. The daemon runs in a session of
/// its own and outlives the agent; an agent that starts again finds it through its pid file and takes the
/// socket back. Only the one configured unit name is known.
/// </summary>
public sealed partial class RsyslogProcessManager : IServiceManager, IDisposable
{
    public const string ListenName = "hostagent-syslog";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly IReadOnlyList<string> _command;
    private readonly string _pidFile;
    private readonly string _unit;
    private readonly HeldLogSocket? _held;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _pid;
    private bool _child;
    private bool _lastExitFailed;

    /// <param name="heldSocketPath">The socket to hold and pass; null when rsyslogd makes its own (syslog.holdSocket false).</param>
    public RsyslogProcessManager(
        IReadOnlyList<string> command, string pidFile, string unit, string? heldSocketPath, TimeProvider time, ILogger<RsyslogProcessManager> logger)
    {
        if (command.Count == 0)
        {
            throw new ArgumentException("the start command is empty", nameof(command));
        }
        _command = command;
        _pidFile = pidFile;
        _unit = unit;
        _held = heldSocketPath is null ? null : new HeldLogSocket(heldSocketPath);
        _time = time;
        _logger = logger;
        AdoptRunning();
    }

    public string Kind => "process";

    /// <summary>The running rsyslogd's pid; 0 when none runs.</summary>
    public int Pid => IsRunning() ? _pid : 0;

    /// <summary>The agent holds the socket now (it bound it, or took it back from rsyslogd).</summary>
    public bool HoldsSocket => _held?.IsHeld == true;

    public async Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken)
    {
        if (unit != _unit)
        {
            return UnitJobResult.Failed;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return IsRunning() ? UnitJobResult.Done : await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken)
    {
        if (unit != _unit)
        {
            return UnitJobResult.Failed;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await StopLockedAsync(cancellationToken).ConfigureAwait(false))
            {
                return UnitJobResult.Timeout;
            }
            return await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>rsyslog does not re-read its config on SIGHUP, so a reload is a restart.</summary>
    public Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken) => RestartAsync(unit, cancellationToken);

    public Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken)
    {
        if (unit != _unit)
        {
            return Task.FromResult<UnitState?>(null);
        }
        var state = IsRunning() ? new UnitState(unit, "active", "running")
            : _lastExitFailed ? new UnitState(unit, "failed", "failed")
            : new UnitState(unit, "inactive", "dead");
        return Task.FromResult<UnitState?>(state);
    }

    /// <summary>Stops rsyslogd (SIGTERM, then SIGKILL after 10 s); the held socket stays. For tests and tools.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Lets go of the agent's copy of the socket; rsyslogd keeps running with its own.</summary>
    public void Dispose()
    {
        _held?.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// Starts rsyslogd and waits until its pid file names it, so an agent that restarts right after finds it;
    /// a daemon that exits first (a config it refuses) is a failed job.
    /// </summary>
    private async Task<UnitJobResult> LaunchAsync(CancellationToken cancellationToken)
    {
        Launch();
        var started = _time.GetTimestamp();
        while (_pidFile.Length > 0 && ReadPidFile() != _pid)
        {
            if (!IsRunning())
            {
                _lastExitFailed = true;
                return UnitJobResult.Failed;
            }
            if (_time.GetElapsedTime(started) > StopTimeout)
            {
                return UnitJobResult.Timeout;
            }
            await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
        }
        return UnitJobResult.Done;
    }

    private void Launch()
    {
        var passed = -1;
        if (_held is not null)
        {
            _held.Bind();
            passed = _held.DuplicateDescriptor();
        }
        try
        {
            _pid = ProcessSpawner.Spawn(_command, passed, ListenName);
            _child = true;
            _lastExitFailed = false;
        }
        finally
        {
            if (passed >= 0)
            {
                SyslogNative.Close(passed);
            }
        }
        LogStarted(_pid, string.Join(' ', _command), _held is not null);
    }

    private async Task<bool> StopLockedAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning())
        {
            return true;
        }
        var pid = _pid;
        SyslogNative.Kill(pid, 15);
        var started = _time.GetTimestamp();
        while (IsRunning())
        {
            if (_time.GetElapsedTime(started) > StopTimeout)
            {
                LogKilled(pid, StopTimeout.TotalSeconds);
                SyslogNative.Kill(pid, 9);
                started = _time.GetTimestamp();
                while (IsRunning() && _time.GetElapsedTime(started) < StopTimeout)
                {
                    await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
                }
                return !IsRunning();
            }
            await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    private unsafe bool IsRunning()
    {
        if (_pid == 0)
        {
            return false;
        }
        if (_child)
        {
            int status;
            var result = SyslogNative.Waitpid(_pid, &status, SyslogNative.Wnohang);
            if (result == 0)
            {
                return true;
            }
            // Exited (and now reaped), or not our child any more: either way it no longer runs.
            _lastExitFailed = result == _pid && status != 0 && (status & 0x7f) != 15;
            _pid = 0;
            return false;
        }
        if (ProcessTable.Describe(_pid) is { State: not ('Z' or 'X') })
        {
            return true;
        }
        _pid = 0;
        return false;
    }

    /// <summary>An rsyslogd from a previous agent, found through the pid file, with the socket taken back from it.</summary>
    private void AdoptRunning()
    {
        var pid = ReadPidFile();
        if (pid <= 1)
        {
            return;
        }
        if (ProcessTable.Live(pid, "rsyslogd") is null)
        {
            return;
        }
        _pid = pid;
        _child = false;
        var adopted = _held?.TryAdopt(pid) ?? false;
        LogAdopted(pid, adopted);
    }

    /// <summary>The pid in the pid file; 0 when there is none.</summary>
    private int ReadPidFile() => _pidFile.Length > 0 ? ProcessTable.ReadPidFile(_pidFile) ?? 0 : 0;

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "rsyslogd started (pid {Pid}): {Command}; socket passed: {Held}")]
    private partial void LogStarted(int pid, string command, bool held);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "rsyslogd pid {Pid} is running from before; log socket taken back: {Adopted}")]
    private partial void LogAdopted(int pid, bool adopted);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "rsyslogd pid {Pid} did not stop within {Seconds} s of SIGTERM; killing it")]
    private partial void LogKilled(int pid, double seconds);
}
