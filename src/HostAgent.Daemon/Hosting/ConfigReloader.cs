using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Daemon.Metrics;

namespace HostAgent.Daemon.Hosting;

/// <summary>What a reload did: accepted with the changed components, or rejected with every error.</summary>
public sealed record ReloadOutcome(bool Accepted, IReadOnlyList<ConfigError> Errors, IReadOnlyList<string> Changed);

/// <summary>Re-reads the config file (SIGHUP, ReloadConfig); a rejected file leaves the running config in force.</summary>
public sealed partial class ConfigReloader
{
    private readonly ConfigHolder _holder;
    private readonly Reconciler _reconciler;
    private readonly AgentMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ConfigReloader> _logger;
    private readonly Func<IReadOnlyDictionary<string, string>> _environment;
    private readonly Lock _lock = new();

    public ConfigReloader(
        ConfigHolder holder,
        Reconciler reconciler,
        AgentMetrics metrics,
        TimeProvider time,
        ILogger<ConfigReloader> logger,
        Func<IReadOnlyDictionary<string, string>> environment)
    {
        _holder = holder;
        _reconciler = reconciler;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _environment = environment;
    }

    public ReloadOutcome Reload()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var result = ConfigLoader.LoadFile(_holder.Path, _environment());
            if (!result.IsValid)
            {
                _holder.Reject(result.Errors, now);
                _metrics.ConfigReloaded(accepted: false);
                foreach (var error in result.Errors)
                {
                    LogRejected(_holder.Path, error.ToString());
                }
                _reconciler.Events.Publish(new AgentEvent(now, AgentEventKind.ConfigRejected, null,
                    $"{_holder.Path} rejected, previous config stays in force: " + string.Join("; ", result.Errors), []));
                return new ReloadOutcome(false, result.Errors, []);
            }

            var before = _holder.Current;
            var changed = ConfigDiff.ChangedComponents(before, result.Config!);
            foreach (var key in ConfigDiff.RestartRequired(before, result.Config!))
            {
                LogRestartRequired(key);
            }
            _holder.Accept(result.Config!, now);
            _metrics.ConfigReloaded(accepted: true);
            LogReloaded(_holder.Path, changed.Count == 0 ? "none" : string.Join(", ", changed));
            _reconciler.Events.Publish(new AgentEvent(now, AgentEventKind.ConfigReloaded, null,
                $"{_holder.Path} reloaded; changed: {(changed.Count == 0 ? "none" : string.Join(", ", changed))}", []));
            _reconciler.MarkAllDirty("config reloaded");
            return new ReloadOutcome(true, [], changed);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "config {Path} reloaded; changed components: {Changed}")]
    private partial void LogReloaded(string path, string changed);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "config {Path} rejected, previous config stays in force: {Error}")]
    private partial void LogRejected(string path, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{Key} changed: the new value takes effect when the agent restarts")]
    private partial void LogRestartRequired(string key);
}
