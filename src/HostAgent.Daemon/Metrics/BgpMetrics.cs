using HostAgent.Core.Bgp;
using Prometheus;

namespace HostAgent.Daemon.Metrics;

/// <summary>
/// The BGP component's Prometheus metrics, in the agent's registry. Per-neighbor series follow the config:
/// a neighbor that is removed loses its series rather than freezing at its last value.
/// </summary>
public sealed class BgpMetrics : IBgpMetrics
{
    private readonly Lock _lock = new();
    private readonly Gauge _daemonUp;
    private readonly Gauge _sessionUp;
    private readonly Gauge _received;
    private readonly Gauge _sent;
    private readonly Gauge _drift;
    private readonly Gauge _drained;
    private readonly Gauge _rejected;
    private readonly Counter _applies;
    private readonly Histogram _applyDuration;
    private HashSet<string> _neighbors = new(StringComparer.Ordinal);

    public BgpMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _daemonUp = factory.CreateGauge("hostagent_bgp_daemon_up", "1 while bgpd runs (its pid file names a live bgpd).");
        _sessionUp = factory.CreateGauge("hostagent_bgp_session_up", "1 while the BGP session with the neighbor is Established.", "neighbor");
        _received = factory.CreateGauge("hostagent_bgp_prefixes_received", "Prefixes received from the neighbor (accepted).", "neighbor");
        _sent = factory.CreateGauge("hostagent_bgp_prefixes_sent", "Prefixes advertised to the neighbor.", "neighbor");
        _drift = factory.CreateGauge(
            "hostagent_bgp_announcement_drift",
            "Prefixes the neighbor should be sent but is not, plus prefixes it is sent but should not be (0 when in step).",
            "neighbor");
        _drained = factory.CreateGauge("hostagent_bgp_drained", "1 while the node is drained (announcing with GRACEFUL_SHUTDOWN, or withdrawn).");
        _rejected = factory.CreateGauge(
            "hostagent_bgp_config_rejected", "1 while bgpd's own check rejects the config the agent rendered; the previous config stays.");
        _applies = factory.CreateCounter(
            "hostagent_bgp_applies_total", "Attempts to change bgpd's config, by result (success, rejected, failed, rollback_failed).", "result");
        _applyDuration = factory.CreateHistogram(
            "hostagent_bgp_apply_duration_seconds",
            "Time to apply a config change to bgpd (the vtysh call, or frr-reload.py, and the file write).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
        foreach (var result in Enum.GetValues<BgpApplyResult>())
        {
            _applies.WithLabels(BgpApplyRecord.Label(result));
        }
    }

    public void Observed(BgpStatus status)
    {
        lock (_lock)
        {
            _daemonUp.Set(status.Daemon.Running ? 1 : 0);
            _drained.Set(status.Drain.Drained ? 1 : 0);
            _rejected.Set(status.Check is { Accepted: false } ? 1 : 0);
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var neighbor in status.Neighbors)
            {
                var address = neighbor.Neighbor.Address;
                current.Add(address);
                var session = status.Daemon.Running ? neighbor.Session : null;
                _sessionUp.WithLabels(address).Set(session is { Established: true } ? 1 : 0);
                _received.WithLabels(address).Set(session?.PrefixesReceived ?? 0);
                _sent.WithLabels(address).Set(session?.PrefixesSent ?? neighbor.Announcements?.Advertised.Count ?? 0);
                var announcements = neighbor.Announcements;
                _drift.WithLabels(address).Set(announcements is { Judged: true } ? announcements.Missing.Count + announcements.Extra.Count : 0);
            }
            foreach (var gone in _neighbors.Where(n => !current.Contains(n)))
            {
                _sessionUp.RemoveLabelled(gone);
                _received.RemoveLabelled(gone);
                _sent.RemoveLabelled(gone);
                _drift.RemoveLabelled(gone);
            }
            _neighbors = current;
        }
    }

    public void ApplyCompleted(BgpApplyResult result, TimeSpan duration)
    {
        _applies.WithLabels(BgpApplyRecord.Label(result)).Inc();
        if (result != BgpApplyResult.Rejected)
        {
            _applyDuration.Observe(duration.TotalSeconds);
        }
    }
}
