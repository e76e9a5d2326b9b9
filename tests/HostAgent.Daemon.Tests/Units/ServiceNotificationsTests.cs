using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using HostAgent.Daemon.Hosting;
using HostAgent.Daemon.Metrics;
using HostAgent.Daemon.Tests.Support;
using HostAgent.TestFakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace HostAgent.Daemon.Tests.Units;

/// <summary>What the agent tells systemd: READY after the first runs, STATUS on changes, WATCHDOG while the loops live.</summary>
public sealed class ServiceNotificationsTests : IAsyncDisposable
{
    private readonly GatedComponent _component = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly TestLifetime _lifetime = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Reconciler _reconciler;
    private readonly ConfigHolder _config;
    private Task? _loops;

    public ServiceNotificationsTests()
    {
        var loaded = ConfigLoader.Parse(TestConfig.Json());
        _config = new ConfigHolder(loaded.Config!, "/dev/null", _time.GetUtcNow());
        _reconciler = new Reconciler([_component], _config, new EventHub(), NullReconcileMetrics.Instance, _time, NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task Ready_FirstRunNotFinished_NotSent()
    {
        var notifier = new FakeServiceNotifier();
        using var notifications = Start(notifier);

        await Task.Delay(200);

        Assert.Equal(0, notifier.Count("READY=1"));
        Assert.False(notifications.IsReady);
    }

    [Fact]
    public async Task Ready_FirstRunFinished_SentOnceWithStatus()
    {
        var notifier = new FakeServiceNotifier();
        using var notifications = Start(notifier);

        _component.Open();

        await Eventually.Until(() => notifier.Count("READY=1"), n => n == 1, "READY sent");
        Assert.Equal("READY=1\nSTATUS=1/1 in sync", notifier.Messages.Single(m => m.StartsWith("READY=1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_ChangesAfterReady_SentOncePerChange()
    {
        var notifier = new FakeServiceNotifier();
        using var notifications = Start(notifier);
        _component.Open();
        await Eventually.Until(() => notifications.IsReady, r => r, "ready");

        _component.Conflict = "cbr0 is a veth";
        _component.Open();
        await _reconciler.Runners[0].RunOnceAsync(apply: true, "test", CancellationToken.None);
        _component.Conflict = null;
        _component.Open(2);
        await _reconciler.Runners[0].RunOnceAsync(apply: true, "test", CancellationToken.None);
        await _reconciler.Runners[0].RunOnceAsync(apply: true, "test", CancellationToken.None);

        await Eventually.Until(() => notifier.Statuses, s => s.Count == 3, "three statuses");
        Assert.Equal(["1/1 in sync", "0/1 in sync; gated: cbr0 is a veth", "1/1 in sync"], notifier.Statuses);
    }

    [Fact]
    public async Task Status_FollowedUnitFails_Named()
    {
        var notifier = new FakeServiceNotifier();
        var tracker = Tracker();
        tracker.Follow(new UnitSelection(["rsyslog.service"], new Dictionary<string, string>()));
        using var notifications = Start(notifier, tracker);
        _component.Open();
        await Eventually.Until(() => notifications.IsReady, r => r, "ready");
        tracker.Update(new UnitState("rsyslog.service", "active", "running"));

        tracker.Update(new UnitState("rsyslog.service", "failed", "failed"));

        await Eventually.Until(() => notifier.Statuses.LastOrDefault(), s => s == "1/1 in sync; failed: rsyslog.service", "failed unit in status");
    }

    [Fact]
    public async Task Watchdog_LoopsAlive_KeepAliveEveryHalfTimeout()
    {
        var notifier = new FakeServiceNotifier(TimeSpan.FromSeconds(4));
        using var notifications = Start(notifier);
        _component.Open();
        await Eventually.Until(() => notifications.IsReady, r => r, "ready");
        var before = notifier.Count("WATCHDOG=1");

        await AdvanceAsync(TimeSpan.FromSeconds(6));

        Assert.Equal(TimeSpan.FromSeconds(1), _reconciler.Heartbeat.IdleInterval);
        Assert.Equal(before + 3, notifier.Count("WATCHDOG=1"));
    }

    [Fact]
    public async Task Watchdog_LoopFrozen_KeepAliveStops()
    {
        var notifier = new FakeServiceNotifier(TimeSpan.FromSeconds(4));
        using var notifications = Start(notifier);
        _component.Open();
        await Eventually.Until(() => notifications.IsReady, r => r, "ready");

        _reconciler.Heartbeat.Freeze();
        await AdvanceAsync(TimeSpan.FromSeconds(6));
        var afterStale = notifier.Count("WATCHDOG=1");
        await AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(afterStale, notifier.Count("WATCHDOG=1"));
    }

    [Fact]
    public async Task Reload_SighupPath_ReloadingThenReady()
    {
        var notifier = new FakeServiceNotifier();
        using var notifications = Start(notifier);
        _component.Open();
        await Eventually.Until(() => notifications.IsReady, r => r, "ready");
        var reloader = new ConfigReloader(
            _config, _reconciler, new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), "test"), _time, NullLogger<ConfigReloader>.Instance, () => new Dictionary<string, string>());

        notifications.Reload(reloader);

        var last = notifier.Messages.TakeLast(2).ToList();
        Assert.Matches("^RELOADING=1\nMONOTONIC_USEC=[0-9]+$", last[0]);
        Assert.StartsWith("READY=1\nSTATUS=", last[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_ApplicationStops_StoppingSent()
    {
        var notifier = new FakeServiceNotifier();
        using var notifications = Start(notifier);
        await Task.Delay(50);

        _lifetime.StopApplication();

        Assert.Equal(1, notifier.Count("STOPPING=1"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loops is not null)
        {
            await _loops;
        }
        _stop.Dispose();
        _lifetime.Dispose();
    }

    private ServiceNotifications Start(FakeServiceNotifier notifier, UnitTracker? tracker = null)
    {
        var notifications = new ServiceNotifications(
            notifier, _reconciler, tracker ?? Tracker(), _time, _lifetime, NullLogger<ServiceNotifications>.Instance);
        _loops = _reconciler.RunAsync(_stop.Token);
        notifications.StartAsync(_stop.Token).GetAwaiter().GetResult();
        return notifications;
    }

    private UnitTracker Tracker() => new(_reconciler.Events, NullUnitMetrics.Instance, _time, NullLogger<UnitTracker>.Instance);

    /// <summary>Moves the fake clock a second at a time, giving the loops real time to re-arm their timers.</summary>
    private async Task AdvanceAsync(TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(30);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        await Task.Delay(50);
    }
}
