using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Core.Bgp;

/// <summary>Apply: start the daemon, write the file, send the difference (restoring the previous config on failure), refresh.</summary>
public sealed partial class BgpComponent
{
    private const string SoftRefreshAll = "clear ip bgp * soft out";

    public async ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var settings = _config.Current.Bgp ?? throw new InvalidOperationException("the bgp section is gone from the config");
        var tooling = BgpTooling.From(settings);
        switch (action)
        {
            case StartBgpDaemon start:
                await StartAsync(start, settings, tooling, cancellationToken).ConfigureAwait(false);
                break;
            case WriteBgpConfigFile write:
                _daemon.WriteConfigFile(tooling, write.Target);
                break;
            case ApplyBgpConfig apply:
                await ApplyConfigAsync(apply, settings, tooling, cancellationToken).ConfigureAwait(false);
                break;
            case RefreshBgpAnnouncements refresh:
                var result = await _daemon.ConfigureAsync(tooling, [], [$"clear ip bgp {refresh.Neighbor} soft out"], cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new BgpDaemonException($"soft refresh of {refresh.Neighbor} failed: {result.Message}");
                }
                Settle();
                break;
            default:
                throw new ArgumentException($"not a bgp action: {action.Kind}", nameof(action));
        }
    }

    private async Task StartAsync(StartBgpDaemon start, BgpSettings settings, BgpTooling tooling, CancellationToken cancellationToken)
    {
        if (_services is not { } services || (services.Kind != "systemd" && settings.StartCommand.Count == 0))
        {
            throw new BgpDaemonException($"bgpd is down ({start.Reason}) and cannot be started: there is no systemd and bgp.startCommand is empty");
        }
        LogStarting(start.Unit, services.Kind, start.Reason);
        var result = await services.StartAsync(start.Unit, cancellationToken).ConfigureAwait(false);
        if (result != UnitJobResult.Done)
        {
            throw new BgpDaemonException($"{services.Kind} could not start {start.Unit}: {result}");
        }
        if (!await _daemon.WaitUntilAnsweringAsync(tooling, StartTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new BgpDaemonException($"{start.Unit} was started but bgpd did not answer on its vty socket within {StartTimeout.TotalSeconds:0} s");
        }
        Settle();
    }

    private async Task ApplyConfigAsync(ApplyBgpConfig apply, BgpSettings settings, BgpTooling tooling, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // FRR runs the file as written: it is written and synced while bgpd takes the change, and put in place
        // only once bgpd has taken it, so the file on disk is always the last good config.
        var prepare = settings.Flavor == BgpFlavor.Frr
            ? Task.Run<IPreparedConfigFile?>(() => _daemon.PrepareConfigFile(tooling, apply.Target), cancellationToken)
            : Task.FromResult<IPreparedConfigFile?>(null);
        VtyshResult result;
        try
        {
            result = apply.Method == BgpApplyMethod.FrrReload && settings.Flavor == BgpFlavor.Frr
                ? await _daemon.ReloadAsync(tooling, apply.Target, cancellationToken).ConfigureAwait(false)
                : await _daemon.ConfigureAsync(tooling, apply.Change.Commands, Afterwards(apply.Change, settings.Flavor), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            (await prepare.ConfigureAwait(false))?.Dispose();
            throw;
        }
        using var file = await prepare.ConfigureAwait(false);
        if (result.Succeeded)
        {
            file?.Commit();
            Settle();
            Record(BgpApplyResult.Success, started, apply.Change.Summary);
            LogApplied(apply.Change.Count, _time.GetElapsedTime(started).TotalMilliseconds, apply.Change.Summary);
            return;
        }
        var refused = result.Message;
        var restoreError = await RestoreAsync(apply.Previous, settings, tooling, cancellationToken).ConfigureAwait(false);
        Settle();
        // The same target would be refused again: it is not retried until it changes or another bgpd runs.
        _lastCheck = (apply.Target, new BgpCheckResult(false, $"bgpd refused it while it was being applied: {refused}"), _daemon.Probe(tooling).Pid);
        if (restoreError is null)
        {
            Record(BgpApplyResult.Failed, started, refused);
            LogRestored(refused);
            throw new BgpDaemonException($"bgpd refused the change ({refused}); the previous config was restored");
        }
        Record(BgpApplyResult.RollbackFailed, started, $"{refused}; restore: {restoreError}");
        LogRestoreFailed(refused, restoreError);
        throw new BgpDaemonException($"bgpd refused the change ({refused}) and restoring the previous config failed too: {restoreError}");
    }

    /// <summary>Brings the daemon back to the running config the failed change was planned from; the error, or null.</summary>
    private async Task<string?> RestoreAsync(string previous, BgpSettings settings, BgpTooling tooling, CancellationToken cancellationToken)
    {
        try
        {
            var now = await _daemon.ShowAsync(tooling, [BgpShowCommands.RunningConfig], cancellationToken).ConfigureAwait(false);
            var back = BgpConfigDiffer.Diff(DaemonConfig.Parse(previous), DaemonConfig.Parse(now[0] ?? ""), settings.Flavor);
            if (back.IsEmpty)
            {
                return null;
            }
            var result = await _daemon.ConfigureAsync(tooling, back.Commands, Afterwards(back, settings.Flavor), cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? null : result.Message;
        }
        catch (BgpDaemonException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>
    /// Exec commands after the config change: a soft outbound refresh when a route map or prefix list changed
    /// (established sessions keep the old result otherwise), and for Quagga write memory, which saves bgpd.conf.
    /// </summary>
    private static List<string> Afterwards(BgpConfigChange change, BgpFlavor flavor)
    {
        var commands = new List<string>();
        if (change.RefreshOutbound)
        {
            commands.Add(SoftRefreshAll);
        }
        if (flavor == BgpFlavor.Quagga)
        {
            commands.Add("write memory");
        }
        return commands;
    }

    private void Settle() => _settleUntil = _time.GetUtcNow() + BgpPlanner.AnnouncementSettle;

    private void Record(BgpApplyResult result, long started, string message)
    {
        var duration = _time.GetElapsedTime(started);
        _lastApply = new BgpApplyRecord(result, _time.GetUtcNow(), duration, message);
        _metrics.ApplyCompleted(result, duration);
    }
}
