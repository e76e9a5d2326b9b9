using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using Xunit;

namespace HostAgent.Core.Tests.Reconcile;

public class StatusLineTests
{
    [Fact]
    public void Describe_EveryComponentInSync_CountsThem()
    {
        var line = StatusLine.Describe([InSync("network"), InSync("bgp"), InSync("syslog")], []);

        Assert.Equal("3/3 in sync", line);
    }

    [Fact]
    public void Describe_ComponentWithError_NamesComponentAndError()
    {
        var failing = InSync("bgp") with { InSync = false, LastError = "1 neighbor down" };

        var line = StatusLine.Describe([InSync("network"), failing], []);

        Assert.Equal("1/2 in sync; bgp: 1 neighbor down", line);
    }

    [Fact]
    public void Describe_ObserveOnlyDrift_SaysNotApplied()
    {
        var drifted = InSync("network") with { InSync = false, ObserveOnly = true, LastPlan = [new TestAction("add address 10.216.0.1/24 to cbr0")] };

        var line = StatusLine.Describe([drifted], []);

        Assert.Equal("0/1 in sync; network: 1 action(s) not applied (observe-only): add address 10.216.0.1/24 to cbr0", line);
    }

    [Fact]
    public void Describe_Conflict_ShowsIt()
    {
        var conflicted = InSync("network") with { InSync = false, Findings = [new Finding(FindingSeverity.Conflict, "cbr0 is a veth, not a bridge")] };

        Assert.Equal("0/1 in sync; network: cbr0 is a veth, not a bridge", StatusLine.Describe([conflicted], []));
    }

    [Fact]
    public void Describe_BeforeFirstRuns_SaysStarting()
    {
        var line = StatusLine.Describe([InSync("network"), new ComponentStatus { Name = "bgp" }], []);

        Assert.Equal("starting: 1/2 reconciled", line);
    }

    [Fact]
    public void Describe_FailedUnit_ListsIt()
    {
        var units = new[]
        {
            new FollowedUnit("rsyslog.service", null, new UnitState("rsyslog.service", "failed", "failed"), null),
            new FollowedUnit("docker.service", null, new UnitState("docker.service", "active", "running"), null),
        };

        Assert.Equal("1/1 in sync; failed: rsyslog.service", StatusLine.Describe([InSync("network")], units));
    }

    [Fact]
    public void Describe_VeryLongReason_CutToOneLine()
    {
        var failing = InSync("network") with { InSync = false, LastError = new string('x', 500) };

        var line = StatusLine.Describe([failing], []);

        Assert.Equal(StatusLine.MaxLength, line.Length);
        Assert.EndsWith("...", line, StringComparison.Ordinal);
    }

    private static ComponentStatus InSync(string name) => new() { Name = name, InSync = true, HasRun = true };

    private sealed record TestAction(string Text) : PlannedAction
    {
        public override string Kind => "test";

        public override string Description => Text;
    }
}
