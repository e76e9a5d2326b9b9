using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using HostAgent.TestFakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace HostAgent.Core.Tests.Units;

public class UnitTrackerTests
{
    private readonly EventHub _events = new();
    private readonly RecordingUnitMetrics _metrics = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly UnitTracker _tracker;

    public UnitTrackerTests()
    {
        _tracker = new UnitTracker(_events, _metrics, _time, NullLogger<UnitTracker>.Instance);
        _tracker.Follow(new UnitSelection(["rsyslog.service", "frr.service"], new Dictionary<string, string> { ["frr.service"] = "bgp" }));
    }

    [Fact]
    public void Update_FirstState_RecordedAndCountedWithoutEvent()
    {
        using var subscription = _events.Subscribe();

        _tracker.Update(Running("rsyslog.service"));

        Assert.Equal(Running("rsyslog.service"), _tracker.Find("rsyslog.service")?.State);
        Assert.Equal(_time.GetUtcNow(), _tracker.Find("rsyslog.service")?.Since);
        Assert.Equal([Running("rsyslog.service")], _metrics.States);
        Assert.False(subscription.Reader.TryRead(out _));
    }

    [Fact]
    public void Update_StateChanged_PublishesEventWithUnitAndOwner()
    {
        _tracker.Update(Running("frr.service"));
        using var subscription = _events.Subscribe();
        _time.Advance(TimeSpan.FromSeconds(5));

        _tracker.Update(new UnitState("frr.service", "reloading", "reload"));

        Assert.True(subscription.Reader.TryRead(out var published));
        Assert.Equal(AgentEventKind.UnitStateChanged, published.Kind);
        Assert.Equal("frr.service", published.Unit);
        Assert.Equal("bgp", published.Component);
        Assert.Equal("frr.service: active (running) -> reloading (reload)", published.Message);
        Assert.Equal(_time.GetUtcNow(), _tracker.Find("frr.service")?.Since);
    }

    [Fact]
    public void Update_SameState_Ignored()
    {
        _tracker.Update(Running("rsyslog.service"));
        using var subscription = _events.Subscribe();

        _tracker.Update(Running("rsyslog.service"));

        Assert.False(subscription.Reader.TryRead(out _));
        Assert.Single(_metrics.States);
    }

    [Fact]
    public void Update_UnitNotFollowed_Ignored()
    {
        _tracker.Update(Running("docker.service"));

        Assert.Null(_tracker.Find("docker.service"));
        Assert.Empty(_metrics.States);
    }

    [Fact]
    public void Update_OwnedUnitFails_SignalsItsComponentOnly()
    {
        using var bgp = new UnitFailureSignal("bgp", _tracker);
        using var syslog = new UnitFailureSignal("syslog", _tracker);
        var bgpReasons = new List<string>();
        var syslogReasons = new List<string>();
        bgp.Start(bgpReasons.Add);
        syslog.Start(syslogReasons.Add);
        _tracker.Update(Running("frr.service"));

        _tracker.Update(new UnitState("frr.service", "failed", "failed"));
        _tracker.Update(new UnitState("frr.service", "failed", "failed"));

        Assert.Equal(["frr.service failed"], bgpReasons);
        Assert.Empty(syslogReasons);
    }

    [Fact]
    public void Follow_UnitLeftOut_DroppedAndForgotten()
    {
        _tracker.Update(Running("rsyslog.service"));
        _tracker.Update(Running("frr.service"));

        _tracker.Follow(new UnitSelection(["frr.service", "docker.service"], new Dictionary<string, string>()));

        Assert.Equal(["frr.service", "docker.service"], _tracker.Units.Select(u => u.Name));
        Assert.Equal(Running("frr.service"), _tracker.Find("frr.service")?.State);
        Assert.Null(_tracker.Find("frr.service")?.Owner);
        Assert.Null(_tracker.Find("docker.service")?.State);
        Assert.Equal(["rsyslog.service"], _metrics.Forgotten);
    }

    private static UnitState Running(string unit) => new(unit, "active", "running");
}
