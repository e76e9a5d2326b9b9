using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Core.Syslog;

/// <summary>Carrying out the syslog component's actions.</summary>
public sealed partial class SyslogComponent
{
    public async ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case CreateSocketDirectory create:
                _directory.CreateDirectory(create.Path, create.Mode, create.Uid, create.Gid);
                break;
            case CreateSpoolDirectory spool:
                _directory.CreateDirectory(spool.Path, CreateSpoolDirectory.Mode, 0, 0);
                break;
            case SetPathOwner owner:
                _directory.SetOwner(owner.Path, owner.Uid, owner.Gid);
                break;
            case SetPathMode mode:
                _directory.SetMode(mode.Path, mode.To);
                break;
            case SetSelinuxLabel label:
                _directory.SetSelinuxLabel(label.Path, label.To);
                break;
            case WriteManagedFile write:
                _files.WriteAtomic(write.Path, write.Content);
                break;
            case ReloadSystemd:
                await (_unitFiles ?? throw new InvalidOperationException("no systemd to reload"))
                    .DaemonReloadAsync(cancellationToken).ConfigureAwait(false);
                break;
            case StartSocketUnit socketUnit:
                await RunJobAsync(socketUnit.Unit, socketUnit.Restart, cancellationToken).ConfigureAwait(false);
                break;
            case RestartRsyslog restart:
                await RestartAsync(restart, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"not a syslog action: {action.Kind}", nameof(action));
        }
    }

    /// <summary>
    /// Waits out the rate limit, restarts, waits until the socket takes the canary again, puts the socket's owner
    /// and mode right (rsyslogd or the holder made it anew) and records which drop-in rsyslog now runs.
    /// </summary>
    private async Task RestartAsync(RestartRsyslog restart, CancellationToken cancellationToken)
    {
        var settings = Settings;
        if (_lastRestart is { } last)
        {
            var wait = settings.RestartMinInterval - _time.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        _lastRestart = _time.GetTimestamp();
        await RunJobAsync(restart.Unit, !restart.Start, cancellationToken).ConfigureAwait(false);
        _reporter.RsyslogRestarted(restart.Reason);
        await WaitForSocketAsync(settings.SocketPath, cancellationToken).ConfigureAwait(false);
        var accounts = _directory.Resolve(settings.Owner, settings.Group);
        var socket = _directory.Observe(settings.SocketPath, readLabel: false);
        if (socket.Kind == PathKind.Socket)
        {
            if (accounts is { Uid: { } uid, Gid: { } gid } && (socket.Uid != uid || socket.Gid != gid))
            {
                _directory.SetOwner(settings.SocketPath, uid, gid);
            }
            if ((socket.Mode & 0xFFF) != settings.SocketMode)
            {
                _directory.SetMode(settings.SocketPath, settings.SocketMode);
            }
        }
        if (_files.Read(settings.DropInPath) is { } running)
        {
            _files.WriteAtomic(MarkerPath, SyslogText.Hash(running) + "\n");
        }
    }

    private async Task RunJobAsync(string unit, bool restart, CancellationToken cancellationToken)
    {
        var services = _services ?? throw new InvalidOperationException($"cannot {(restart ? "restart" : "start")} {unit}: no service manager");
        var result = restart
            ? await services.RestartAsync(unit, cancellationToken).ConfigureAwait(false)
            : await services.StartAsync(unit, cancellationToken).ConfigureAwait(false);
        if (result != UnitJobResult.Done)
        {
            throw new InvalidOperationException($"{(restart ? "restart" : "start")} {unit}: {result.ToString().ToLowerInvariant()}");
        }
    }

    private async Task WaitForSocketAsync(string socketPath, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var socket = _directory.Observe(socketPath, readLabel: false);
            if (socket.Kind == PathKind.Socket && _canary.Send(socketPath).Accepted)
            {
                return;
            }
            if (_time.GetElapsedTime(started) > SocketWaitAfterRestart)
            {
                throw new InvalidOperationException($"{socketPath} did not take messages within {SocketWaitAfterRestart.TotalSeconds:0} s of the restart");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
