using HostAgent.Core.Reconcile;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace HostAgent.Core.Tests.Reconcile;

public class ComponentRunnerTests
{
    private static readonly ReconcileTiming Timing = new(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    private readonly ScriptedComponent _component = new();
    private readonly RecordingMetrics _metrics = new();
    private readonly EventHub _events = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private ComponentRunner Runner() => new(_component, () => Timing, _events, _metrics, _time, NullLogger.Instance);

    [Fact]
    public async Task RunOnce_DriftedComponent_AppliesVerifiesAndRecords()
    {
        _component.Outstanding = 2;
        var runner = Runner();
        using var subscription = _events.Subscribe();

        var result = await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.True(result.InSync);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Applied.Count);
        Assert.Equal(0, _component.Outstanding);
        Assert.Equal(2, _component.PlanCalls); // plan, then verify
        var status = runner.Status;
        Assert.True(status.InSync);
        Assert.Equal(1UL, status.DriftCount);
        Assert.Equal(1UL, status.Runs);
        Assert.Equal(_time.GetUtcNow(), status.LastChange);
        Assert.Equal(1, _metrics.Drifts);
        Assert.Equal(2, _metrics.Actions);
        Assert.True(_metrics.InSync);
        var kinds = Drain(subscription).Select(e => e.Kind).ToList();
        Assert.Equal([AgentEventKind.DriftDetected, AgentEventKind.ActionApplied, AgentEventKind.ActionApplied, AgentEventKind.InSync], kinds);
    }

    [Fact]
    public async Task RunOnce_InSync_AppliesNothingAndLeavesLastChangeUnset()
    {
        var runner = Runner();

        var result = await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.True(result.InSync);
        Assert.Empty(result.Applied);
        Assert.Equal(0, _component.ApplyCalls);
        Assert.Null(runner.Status.LastChange);
        Assert.Equal(0UL, runner.Status.DriftCount);
    }

    [Fact]
    public async Task RunOnce_ObserveOnly_SkipsActionsAndReportsDrift()
    {
        _component.Outstanding = 1;
        _component.ObserveOnly = true;
        var runner = Runner();

        var result = await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.False(result.InSync);
        Assert.Empty(result.Applied);
        Assert.Single(result.Skipped);
        Assert.Equal(0, _component.ApplyCalls);
        Assert.Equal(1, _component.Outstanding);
        Assert.True(runner.Status.ObserveOnly);
        Assert.Equal(1UL, runner.Status.DriftCount);
    }

    [Fact]
    public async Task RunOnce_SameDriftSeenTwice_CountedOnce()
    {
        _component.Outstanding = 1;
        _component.ObserveOnly = true;
        var runner = Runner();

        await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);
        await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.Equal(1UL, runner.Status.DriftCount);
        Assert.Equal(2UL, runner.Status.Runs);
    }

    [Fact]
    public async Task RunOnce_ApplyThrows_ErrorRecordedAndStopsAtFailedAction()
    {
        _component.Outstanding = 2;
        _component.FailApplies = 1;
        var runner = Runner();

        var result = await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.False(result.InSync);
        Assert.Equal("fix 0: injected failure", result.Error);
        Assert.Empty(result.Applied);
        Assert.Equal(1, _component.ApplyCalls);
        Assert.Equal("fix 0: injected failure", runner.Status.LastError);
        Assert.Equal(1UL, runner.Status.Failures);
        Assert.Equal(1, _metrics.Failures);
    }

    [Fact]
    public async Task RunOnce_ApplyChangesNothing_VerificationFails()
    {
        _component.Outstanding = 1;
        _component.ApplyIsNoOp = true;
        var runner = Runner();

        var result = await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.StartsWith("still out of sync after applying", result.Error, StringComparison.Ordinal);
        Assert.False(runner.Status.InSync);
    }

    [Fact]
    public async Task RunOnce_ConflictFinding_NotInSyncWithoutActions()
    {
        _component.Findings.Add(new Finding(FindingSeverity.Conflict, "not mine"));
        var runner = Runner();

        var result = await runner.RunOnceAsync(apply: true, "test", CancellationToken.None);

        Assert.False(result.InSync);
        Assert.Null(result.Error);
        Assert.Equal(0, _component.ApplyCalls);
    }

    [Fact]
    public async Task PlanAsync_DriftedComponent_ChangesNothingAndKeepsStatus()
    {
        _component.Outstanding = 3;
        var runner = Runner();

        var plan = await runner.PlanAsync(CancellationToken.None);

        Assert.Equal(3, plan.Plan.Actions.Count);
        Assert.Equal(0, _component.ApplyCalls);
        Assert.False(runner.Status.HasRun);
    }

    [Fact]
    public async Task RunAsync_MarkDirty_RunsWithoutWaitingForResync()
    {
        var entered = new SemaphoreSlim(0);
        _component.PlanEntered = entered;
        var runner = Runner();
        using var stop = new CancellationTokenSource();
        var loop = runner.RunAsync(stop.Token);
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(5)));
        await runner.FirstRun.WaitAsync(TimeSpan.FromSeconds(5));

        _component.Outstanding = 1;
        runner.MarkDirty("event");

        await WaitUntil(() => _component.Outstanding == 0 && runner.Status.Runs == 2);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task RunAsync_NoEvents_RunsAgainAtResync()
    {
        var runner = Runner();
        using var stop = new CancellationTokenSource();
        var loop = runner.RunAsync(stop.Token);
        await runner.FirstRun.WaitAsync(TimeSpan.FromSeconds(5));
        _component.Outstanding = 1;

        await WaitUntil(() => _time.GetUtcNow() > DateTimeOffset.MinValue);
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.Equal(1, _component.Outstanding);
        _time.Advance(TimeSpan.FromSeconds(1));

        await WaitUntil(() => _component.Outstanding == 0);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task RunAsync_Failure_RetriesWithBackoffNotResync()
    {
        _component.Outstanding = 1;
        _component.FailApplies = 2;
        var runner = Runner();
        using var stop = new CancellationTokenSource();
        var loop = runner.RunAsync(stop.Token);
        await WaitUntil(() => runner.Status.Failures == 1);

        _time.Advance(TimeSpan.FromMilliseconds(200));
        await WaitUntil(() => runner.Status.Failures == 2);
        _time.Advance(TimeSpan.FromMilliseconds(399));
        await Task.Delay(50);
        Assert.Equal(2, _component.ApplyCalls);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await WaitUntil(() => runner.Status.InSync);
        Assert.Equal(3, _component.ApplyCalls);
        await stop.CancelAsync();
        await loop;
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(6, 5000)]
    [InlineData(100, 5000)]
    public void RetryDelay_ConsecutiveFailures_DoublesUpToMax(int failures, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Timing.RetryDelay(failures));
    }

    private static List<AgentEvent> Drain(EventSubscription subscription)
    {
        var events = new List<AgentEvent>();
        while (subscription.Reader.TryRead(out var agentEvent))
        {
            events.Add(agentEvent);
        }
        return events;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(5);
        }
    }
}
