using HostAgent.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace HostAgent.Core.Reconcile;

/// <summary>All component loops of the agent, addressed by component name.</summary>
public sealed class Reconciler
{
    private readonly Dictionary<string, ComponentRunner> _runners;

    public Reconciler(
        IEnumerable<IComponent> components,
        ConfigHolder config,
        EventHub events,
        IReconcileMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("HostAgent.Reconcile");
        Heartbeat = new LoopHeartbeat(time);
        Runners = components
            .Select(c => new ComponentRunner(c, () => ReconcileTiming.From(config.Current.Agent), events, metrics, time, logger, Heartbeat))
            .ToList();
        _runners = Runners.ToDictionary(r => r.Name, StringComparer.Ordinal);
        Events = events;
    }

    /// <summary>In registration order, which is also the order of status and plans.</summary>
    public IReadOnlyList<ComponentRunner> Runners { get; }

    public EventHub Events { get; }

    /// <summary>Every loop's proof of life, for the watchdog.</summary>
    public LoopHeartbeat Heartbeat { get; }

    public IEnumerable<string> Names => Runners.Select(r => r.Name);

    /// <summary>Completes when every component has finished its first run.</summary>
    public Task AllFirstRuns => Task.WhenAll(Runners.Select(r => r.FirstRun));

    public ComponentRunner? Find(string name) => _runners.GetValueOrDefault(name);

    public void MarkDirty(string name, string reason)
    {
        if (_runners.TryGetValue(name, out var runner))
        {
            runner.MarkDirty(reason);
        }
    }

    public void MarkAllDirty(string reason)
    {
        foreach (var runner in Runners)
        {
            runner.MarkDirty(reason);
        }
    }

    /// <summary>Runs every loop until cancelled; a loop that crashes takes the whole task down with it.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Runners.Select(r => Task.Run(() => r.RunAsync(cancellationToken), cancellationToken)));

    /// <summary>The runners for the given names (all when empty), or the first unknown name.</summary>
    public bool TrySelect(IReadOnlyCollection<string> names, out IReadOnlyList<ComponentRunner> selected, out string? unknown)
    {
        unknown = names.FirstOrDefault(n => !_runners.ContainsKey(n));
        selected = unknown is not null ? [] : names.Count == 0 ? Runners : Runners.Where(r => names.Contains(r.Name)).ToList();
        return unknown is null;
    }
}
