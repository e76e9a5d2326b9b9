using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>Observation: the daemon's liveness, one vty connection for everything it shows, and its check of the target.</summary>
public sealed partial class BgpComponent
{
    private async Task<BgpObserved> ObserveAsync(
        BgpSettings settings, BgpTooling tooling, BgpDesired desired, string target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var probe = _daemon.Probe(tooling);
        // The check needs no running daemon and is read-only: it runs alongside the show call.
        var check = CheckAsync(tooling, target, probe, cancellationToken);
        BgpShowResult? show = null;
        if (probe.Running)
        {
            var commands = new BgpShowCommands(settings.Flavor, desired.Networks, [.. desired.Neighbors.Select(static n => n.Address)]);
            try
            {
                show = commands.Read(await _daemon.ShowAsync(tooling, commands.All, cancellationToken).ConfigureAwait(false));
            }
            catch (BgpDaemonException) when (_daemon.Probe(tooling) is { Running: false } gone)
            {
                // It went away between the probe and the call: that is "down", not an error.
                probe = gone;
            }
        }
        var result = await check.ConfigureAwait(false);
        return new BgpObserved(probe, show, result, _daemon.ReadConfigFile(tooling), now, _settleUntil);
    }

    private async Task<BgpCheckResult> CheckAsync(BgpTooling tooling, string target, BgpDaemonProbe probe, CancellationToken cancellationToken)
    {
        if (_lastCheck is { } last && last.Target == target && (last.Pid is null || last.Pid == probe.Pid))
        {
            return last.Result;
        }
        var started = _time.GetTimestamp();
        var result = await _daemon.CheckAsync(tooling, target, cancellationToken).ConfigureAwait(false);
        _lastCheck = (target, result, null);
        if (!result.Accepted)
        {
            // Counted once per rejected target, not once per run that still sees it.
            var record = new BgpApplyRecord(BgpApplyResult.Rejected, _time.GetUtcNow(), _time.GetElapsedTime(started), result.Message);
            _lastApply = record;
            _metrics.ApplyCompleted(BgpApplyResult.Rejected, record.Duration);
            LogRejected(result.Message);
        }
        return result;
    }
}
