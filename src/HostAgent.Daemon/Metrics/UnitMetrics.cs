using HostAgent.Core.Units;
using Prometheus;

namespace HostAgent.Daemon.Metrics;

/// <summary>Followed units and service manager jobs as Prometheus metrics, in the agent's registry.</summary>
public sealed class UnitMetrics : IUnitMetrics
{
    /// <summary>systemd's ActiveState values; each unit has one series per value, 1 for the current one.</summary>
    private static readonly string[] ActiveStates = ["active", "reloading", "inactive", "failed", "activating", "deactivating"];

    private readonly Gauge _active;
    private readonly Gauge _state;
    private readonly Counter _jobs;
    private readonly Histogram _jobDuration;

    public UnitMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _active = factory.CreateGauge("hostagent_unit_active", "1 while the followed systemd unit is active, 0 otherwise.", "unit");
        _state = factory.CreateGauge("hostagent_unit_state", "1 for the followed unit's current ActiveState, 0 for the others.", "unit", "state");
        _jobs = factory.CreateCounter("hostagent_unit_jobs_total", "Unit jobs the agent asked the service manager for, by action and result.", "unit", "action", "result");
        _jobDuration = factory.CreateHistogram(
            "hostagent_unit_job_duration_seconds",
            "Time from asking for a unit job to its end, by action.",
            new HistogramConfiguration { LabelNames = ["action"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });
    }

    public void UnitStateChanged(UnitState state)
    {
        _active.WithLabels(state.Unit).Set(state.IsActive ? 1 : 0);
        foreach (var value in ActiveStates)
        {
            _state.WithLabels(state.Unit, value).Set(value == state.ActiveState ? 1 : 0);
        }
    }

    public void UnitForgotten(string unit)
    {
        _active.RemoveLabelled(unit);
        foreach (var value in ActiveStates)
        {
            _state.RemoveLabelled(unit, value);
        }
    }

    public void JobCompleted(string unit, UnitAction action, UnitJobResult result, TimeSpan duration)
    {
        _jobs.WithLabels(unit, action.Name(), result.ToString().ToLowerInvariant()).Inc();
        _jobDuration.WithLabels(action.Name()).Observe(duration.TotalSeconds);
    }
}
