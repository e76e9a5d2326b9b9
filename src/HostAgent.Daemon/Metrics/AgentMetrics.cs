using HostAgent.Core.Reconcile;
using Prometheus;

namespace HostAgent.Daemon.Metrics;

/// <summary>The agent's Prometheus metrics; one instance per registry so tests can use their own.</summary>
public sealed class AgentMetrics : IReconcileMetrics
{
    private readonly Counter _runs;
    private readonly Counter _failures;
    private readonly Histogram _duration;
    private readonly Counter _drift;
    private readonly Gauge _inSync;
    private readonly Counter _actions;
    private readonly Counter _reloads;
    private readonly Gauge _configValid;

    public AgentMetrics(CollectorRegistry registry, string version)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        factory.CreateGauge("hostagent_build_info", "Always 1; the labels say which build is running.", "version")
            .WithLabels(version).Set(1);
        _runs = factory.CreateCounter("hostagent_reconcile_runs_total", "Reconcile runs per component.", "component");
        _failures = factory.CreateCounter("hostagent_reconcile_failures_total", "Reconcile runs that failed, per component.", "component");
        _duration = factory.CreateHistogram(
            "hostagent_reconcile_duration_seconds",
            "Time of one reconcile run (observe, plan, apply, verify), per component.",
            new HistogramConfiguration
            {
                LabelNames = ["component"],
                Buckets = Histogram.ExponentialBuckets(0.00005, 2, 16),
            });
        _drift = factory.CreateCounter("hostagent_drift_events_total", "Times a component was found out of sync, per component.", "component");
        _inSync = factory.CreateGauge("hostagent_component_in_sync", "1 when the component's observed state matches its desired state.", "component");
        _actions = factory.CreateCounter("hostagent_actions_applied_total", "Actions applied to the host, per component and kind.", "component", "kind");
        _reloads = factory.CreateCounter("hostagent_config_reloads_total", "Config reloads by result (success, rejected).", "result");
        _configValid = factory.CreateGauge(
            "hostagent_config_last_reload_success",
            "1 when the last config reload was accepted; 0 when it was rejected and the previous config is still in force.");
        _configValid.Set(1);
    }

    /// <summary>The registry these metrics are in, which /metrics serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Makes every per-component series exist from the start, so dashboards see zeros, not gaps.</summary>
    public void Initialize(IEnumerable<string> components)
    {
        foreach (var component in components)
        {
            _runs.WithLabels(component);
            _failures.WithLabels(component);
            _drift.WithLabels(component);
            _inSync.WithLabels(component).Set(0);
        }
        _reloads.WithLabels("success");
        _reloads.WithLabels("rejected");
    }

    public void RunCompleted(string component, TimeSpan duration, bool failed)
    {
        _runs.WithLabels(component).Inc();
        _duration.WithLabels(component).Observe(duration.TotalSeconds);
        if (failed)
        {
            _failures.WithLabels(component).Inc();
        }
    }

    public void DriftDetected(string component) => _drift.WithLabels(component).Inc();

    public void InSyncChanged(string component, bool inSync) => _inSync.WithLabels(component).Set(inSync ? 1 : 0);

    public void ActionApplied(string component, string kind) => _actions.WithLabels(component, kind).Inc();

    public void ConfigReloaded(bool accepted)
    {
        _reloads.WithLabels(accepted ? "success" : "rejected").Inc();
        _configValid.Set(accepted ? 1 : 0);
    }
}
