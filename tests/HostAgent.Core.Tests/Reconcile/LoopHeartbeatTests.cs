using HostAgent.Core.Reconcile;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace HostAgent.Core.Tests.Reconcile;

public class LoopHeartbeatTests
{
    private static readonly ReconcileTiming Timing = new(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    private readonly ScriptedComponent _component = new();
    private readonly EventHub _events = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void FindStale_EveryLoopBeatSince_Null()
    {
        var heartbeat = new LoopHeartbeat(_time);
        heartbeat.Register("a");
        heartbeat.Register("b");

        Assert.Null(heartbeat.FindStale(_time.GetUtcNow()));
    }

    [Fact]
    public void FindStale_OneLoopSilent_NamesIt()
    {
        var heartbeat = new LoopHeartbeat(_time);
        heartbeat.Register("quiet");
        heartbeat.Register("busy");
        _time.Advance(TimeSpan.FromSeconds(10));
        heartbeat.Beat("busy");

        Assert.Equal("quiet", heartbeat.FindStale(_time.GetUtcNow() - TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task RunAsync_IdleWithInterval_BeatsWhileWaiting()
    {
        var heartbeat = new LoopHeartbeat(_time) { IdleInterval = TimeSpan.FromSeconds(1) };
        var runner = Runner(heartbeat);
        using var stop = new CancellationTokenSource();
        var loop = runner.RunAsync(stop.Token);
        await runner.FirstRun.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitUntil(() => heartbeat.LastBeat(runner.Name) == _time.GetUtcNow());

        for (var second = 1; second <= 3; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await WaitUntil(() => heartbeat.LastBeat(runner.Name) == _time.GetUtcNow());
        }

        Assert.Equal(1UL, runner.Status.Runs);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task RunAsync_IdleBeats_ResyncStillAtItsInterval()
    {
        var heartbeat = new LoopHeartbeat(_time) { IdleInterval = TimeSpan.FromSeconds(7) };
        var runner = Runner(heartbeat);
        using var stop = new CancellationTokenSource();
        var loop = runner.RunAsync(stop.Token);
        await runner.FirstRun.WaitAsync(TimeSpan.FromSeconds(5));

        for (var waited = 0; waited < 28; waited += 7)
        {
            await WaitUntil(() => _time.GetUtcNow() - heartbeat.LastBeat(runner.Name) == TimeSpan.Zero);
            _time.Advance(TimeSpan.FromSeconds(7));
        }
        await Task.Delay(50);
        Assert.Equal(1UL, runner.Status.Runs);
        _time.Advance(TimeSpan.FromSeconds(2));

        await WaitUntil(() => runner.Status.Runs == 2);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task RunAsync_Frozen_StopsBeatingAndRunning()
    {
        var heartbeat = new LoopHeartbeat(_time) { IdleInterval = TimeSpan.FromSeconds(1) };
        var runner = Runner(heartbeat);
        using var stop = new CancellationTokenSource();
        var loop = runner.RunAsync(stop.Token);
        await runner.FirstRun.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitUntil(() => heartbeat.LastBeat(runner.Name) == _time.GetUtcNow());
        var lastBeat = heartbeat.LastBeat(runner.Name);

        heartbeat.Freeze();
        for (var second = 0; second < 5; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        runner.MarkDirty("event");
        await Task.Delay(100);

        Assert.Equal(lastBeat, heartbeat.LastBeat(runner.Name));
        Assert.Equal(runner.Name, heartbeat.FindStale(_time.GetUtcNow() - TimeSpan.FromSeconds(2)));
        Assert.Equal(1UL, runner.Status.Runs);
        await stop.CancelAsync();
        await loop;
    }

    private ComponentRunner Runner(LoopHeartbeat heartbeat) =>
        new(_component, () => Timing, _events, new RecordingMetrics(), _time, NullLogger.Instance, heartbeat);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(5);
        }
    }
}
