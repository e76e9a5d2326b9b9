using System.Collections.Concurrent;

namespace HostAgent.Core.Reconcile;

/// <summary>
/// Proof that the reconcile loops are alive, for the service manager's watchdog. Each loop beats after
/// every run and, while it waits, every <see cref="IdleInterval"/>; a loop stuck in a run stops beating,
/// and then the watchdog keep-alive stops too and systemd restarts the agent.
/// </summary>
public sealed class LoopHeartbeat
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _beats = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _isFrozen;

    public LoopHeartbeat(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>How often a waiting loop wakes just to beat; infinite (the default) when no watchdog asks for it.</summary>
    public TimeSpan IdleInterval { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Counts a loop as alive from now, before its first run has finished.</summary>
    public void Register(string loop) => _beats.TryAdd(loop, _time.GetUtcNow());

    public void Beat(string loop) => _beats[loop] = _time.GetUtcNow();

    public DateTimeOffset? LastBeat(string loop) => _beats.TryGetValue(loop, out var at) ? at : null;

    /// <summary>A loop that has not beaten since <paramref name="since"/>, or null when every loop has.</summary>
    public string? FindStale(DateTimeOffset since) =>
        _beats.Where(b => b.Value < since).OrderBy(b => b.Value).Select(b => b.Key).FirstOrDefault();

    /// <summary>
    /// Stops every loop at its next beat, for good, while the process and its API go on: the only way to
    /// prove end to end that the watchdog restarts an agent whose loops are stuck. Reached only through
    /// the daemon's test hook.
    /// </summary>
    public void Freeze()
    {
        _isFrozen = true;
    }

    /// <summary>Where a loop parks when frozen; completes at once otherwise.</summary>
    internal Task WaitWhileFrozenAsync(CancellationToken cancellationToken) =>
        _isFrozen ? _frozen.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
}
