using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HostAgent.Core.Reconcile;

/// <summary>
/// The loop of one component: mark dirty on an event, coalesce, plan, apply, verify, retry with
/// backoff on failure, and resync periodically as a safety net. Runs are serialised, so the loop,
/// API calls and dry runs never observe or apply concurrently.
/// </summary>
public sealed partial class ComponentRunner
{
    private readonly IComponent _component;
    private readonly Func<ReconcileTiming> _timing;
    private readonly EventHub _events;
    private readonly IReconcileMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LoopHeartbeat _heartbeat;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Capacity one with DropWrite: any number of events between two runs coalesce into one run.
    private readonly Channel<string> _wake = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly TaskCompletionSource _firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ComponentStatus _status;
    private int _consecutiveFailures;
    private ulong _driftCount;

    public ComponentRunner(
        IComponent component,
        Func<ReconcileTiming> timing,
        EventHub events,
        IReconcileMetrics metrics,
        TimeProvider time,
        ILogger logger,
        LoopHeartbeat? heartbeat = null)
    {
        _component = component;
        _timing = timing;
        _events = events;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _heartbeat = heartbeat ?? new LoopHeartbeat(time);
        _heartbeat.Register(component.Name);
        _status = new ComponentStatus { Name = component.Name, ObserveOnly = component.ObserveOnly };
    }

    public string Name => _component.Name;

    public ComponentStatus Status => Volatile.Read(ref _status);

    /// <summary>Completes when the first run has finished, in sync or not.</summary>
    public Task FirstRun => _firstRun.Task;

    /// <summary>Raised after every run with the new status, before the run returns; handlers must be quick.</summary>
    public event Action<ComponentStatus>? StatusChanged;

    /// <summary>Asks the loop to run soon; cheap, safe from any thread, coalesced.</summary>
    public void MarkDirty(string reason) => _wake.Writer.TryWrite(reason);

    /// <summary>Runs until cancelled: once at start, then on every wake-up, resync or retry.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reason = "start";
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await RunOnceAsync(apply: true, reason, cancellationToken).ConfigureAwait(false);
                await BeatAsync(cancellationToken).ConfigureAwait(false);
                var timing = _timing();
                var delay = result.Error is null ? timing.ResyncInterval : timing.RetryDelay(_consecutiveFailures);
                reason = await WaitAsync(delay, result.Error is null ? "resync" : "retry", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: a run cut short leaves the host as its last completed action left it; the next start plans the rest.
        }
    }

    /// <summary>Observes and plans now without applying or touching the status (the dry run).</summary>
    public async Task<ComponentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _component.PlanAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One full run now: observe, plan, apply unless observe-only, verify; updates status.</summary>
    public async Task<ComponentResult> RunOnceAsync(bool apply, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunLockedAsync(apply, reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for a wake-up or the delay, waking every heartbeat idle interval to prove the loop is alive.</summary>
    private async Task<string> WaitAsync(TimeSpan delay, string timeoutReason, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var left = delay - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return timeoutReason;
            }
            var idle = _heartbeat.IdleInterval;
            var slice = idle > TimeSpan.Zero && idle < left ? idle : left;
            using (var timeout = new CancellationTokenSource(slice, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
            {
                try
                {
                    return await _wake.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (slice == left)
                    {
                        return timeoutReason;
                    }
                }
            }
            await BeatAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        await _heartbeat.WaitWhileFrozenAsync(cancellationToken).ConfigureAwait(false);
        _heartbeat.Beat(Name);
    }

    private async Task<ComponentResult> RunLockedAsync(bool apply, string reason, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var previous = Status;
        var observeOnly = _component.ObserveOnly;
        var applied = new List<PlannedAction>();
        IReadOnlyList<PlannedAction> skipped = [];
        ComponentPlan? planned = null;
        IReadOnlyList<PlannedAction>? decided = null;
        string? error = null;
        try
        {
            planned = await _component.PlanAsync(cancellationToken).ConfigureAwait(false);
            decided = planned.Plan.Actions;
            if (planned.Plan.Actions.Count > 0)
            {
                NoteDrift(previous, planned.Plan, reason);
                if (apply && !observeOnly)
                {
                    error = await ApplyAllAsync(planned.Plan.Actions, applied, cancellationToken).ConfigureAwait(false);
                    if (error is null)
                    {
                        // Verify: what was applied must leave nothing to do, or the run did not work.
                        planned = await _component.PlanAsync(cancellationToken).ConfigureAwait(false);
                        if (planned.Plan.Actions.Count > 0)
                        {
                            error = "still out of sync after applying: " +
                                string.Join("; ", planned.Plan.Actions.Select(a => a.Description));
                        }
                    }
                }
                else
                {
                    skipped = planned.Plan.Actions;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = exception.Message;
        }

        var duration = Stopwatch.GetElapsedTime(started);
        var result = new ComponentResult(
            Name,
            applied,
            skipped,
            planned?.Plan.Findings ?? [],
            error is null && planned is not null && planned.Plan.InSync,
            error,
            duration);
        Record(previous, planned, decided, result, observeOnly, reason);
        return result;
    }

    private async Task<string?> ApplyAllAsync(
        IReadOnlyList<PlannedAction> actions, List<PlannedAction> applied, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            try
            {
                await _component.ApplyAsync(action, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return $"{action.Description}: {exception.Message}";
            }
            applied.Add(action);
            _metrics.ActionApplied(Name, action.Kind);
            LogActionApplied(Name, action.Kind, action.Description);
            _events.Publish(new AgentEvent(_time.GetUtcNow(), AgentEventKind.ActionApplied, Name, action.Description, [action]));
        }
        return null;
    }

    private void NoteDrift(ComponentStatus previous, Plan plan, string reason)
    {
        // A drift is counted once per distinct divergence, not once per run that still sees it.
        if (previous.HasRun && !previous.InSync && previous.LastPlan.SequenceEqual(plan.Actions))
        {
            return;
        }
        var summary = string.Join("; ", plan.Actions.Select(a => a.Description));
        _metrics.DriftDetected(Name);
        LogDrift(Name, reason, summary);
        _events.Publish(new AgentEvent(_time.GetUtcNow(), AgentEventKind.DriftDetected, Name, summary, plan.Actions));
        Interlocked.Increment(ref _driftCount);
    }

    /// <param name="decided">The plan the run started from (not the verifying re-plan), shown as the last plan.</param>
    private void Record(
        ComponentStatus previous, ComponentPlan? planned, IReadOnlyList<PlannedAction>? decided, ComponentResult result, bool observeOnly, string reason)
    {
        var now = _time.GetUtcNow();
        _consecutiveFailures = result.Error is null ? 0 : _consecutiveFailures + 1;
        var status = previous with
        {
            InSync = result.InSync,
            ObserveOnly = observeOnly,
            HasRun = true,
            Desired = planned?.Desired ?? previous.Desired,
            Observed = planned?.Observed ?? previous.Observed,
            LastPlan = decided ?? previous.LastPlan,
            Findings = result.Findings,
            LastError = result.Error,
            LastRun = now,
            LastChange = result.Applied.Count > 0 ? now : previous.LastChange,
            DriftCount = Interlocked.Read(ref _driftCount),
            Runs = previous.Runs + 1,
            Failures = previous.Failures + (result.Error is null ? 0UL : 1UL),
        };
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);

        _metrics.RunCompleted(Name, result.Duration, result.Error is not null);
        if (!previous.HasRun || previous.InSync != status.InSync)
        {
            _metrics.InSyncChanged(Name, status.InSync);
        }
        if (result.Error is not null)
        {
            LogRunFailed(Name, reason, result.Error, _consecutiveFailures);
            _events.Publish(new AgentEvent(now, AgentEventKind.Error, Name, result.Error, []));
        }
        else if (status.InSync && (!previous.HasRun || !previous.InSync || result.Applied.Count > 0))
        {
            LogInSync(Name, reason, result.Applied.Count, result.Duration.TotalMilliseconds);
            _events.Publish(new AgentEvent(now, AgentEventKind.InSync, Name, $"in sync after {result.Applied.Count} action(s)", result.Applied));
        }
        foreach (var conflict in result.Findings.Where(f => f.Severity == FindingSeverity.Conflict && !previous.Findings.Contains(f)))
        {
            LogConflict(Name, conflict.Message);
        }
        _firstRun.TrySetResult();
    }
}
