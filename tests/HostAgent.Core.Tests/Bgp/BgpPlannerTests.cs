using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Tests.Configuration;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class BgpPlannerTests
{
    private const string Tor = "192.168.77.1";
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Ipv4Cidr Pods = Ipv4Cidr.Parse("10.216.0.0/24");
    private static readonly BgpDaemonProbe Up = new(true, 42, null);
    private static readonly BgpDaemonProbe Down = new(false, null, "pid file /run/frr/bgpd.pid is missing");

    [Fact]
    public void Plan_InSyncAndAnnounced_Nothing()
    {
        var plan = Plan(Observed());

        Assert.True(plan.Plan.InSync, string.Join("; ", plan.Plan.Findings));
        Assert.Empty(plan.Plan.Findings);
        Assert.False(Assert.Single(plan.Announcements).Drifted);
    }

    [Fact]
    public void Plan_DaemonDownFileCurrent_StartOnly()
    {
        var plan = Plan(Observed() with { Daemon = Down, Show = null });

        var start = Assert.IsType<StartBgpDaemon>(Assert.Single(plan.Plan.Actions));
        Assert.Equal("frr.service", start.Unit);
        Assert.Contains("pid file", start.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DaemonDownFileStale_WriteFileThenStart()
    {
        var plan = Plan(Observed() with { Daemon = Down, Show = null, ConfigFile = "router bgp 1\n" });

        Assert.Collection(plan.Plan.Actions,
            a => Assert.Equal("so bgpd starts with the current config", Assert.IsType<WriteBgpConfigFile>(a).Reason),
            a => Assert.IsType<StartBgpDaemon>(a));
    }

    [Fact]
    public void Plan_DaemonDownAndCheckRejected_StartWithTheOldFileAndConflict()
    {
        var plan = Plan(Observed() with { Daemon = Down, Show = null, ConfigFile = "old", Check = new BgpCheckResult(false, "line 3: % Unknown command") });

        Assert.IsType<StartBgpDaemon>(Assert.Single(plan.Plan.Actions));
        Assert.True(plan.Plan.HasConflict);
    }

    [Fact]
    public void Plan_CheckRejected_ConflictAndNoChange()
    {
        var running = RunningOf(Target() .Replace("description tor", "description old", StringComparison.Ordinal));

        var plan = Plan(Observed(running) with { Check = new BgpCheckResult(false, "line 3: % Unknown command") });

        Assert.Empty(plan.Plan.Actions);
        var conflict = Assert.Single(plan.Plan.Findings, f => f.Severity == FindingSeverity.Conflict);
        Assert.Contains("line 3: % Unknown command", conflict.Message, StringComparison.Ordinal);
        Assert.False(plan.Change.IsEmpty, "the difference is still reported");
    }

    [Fact]
    public void Plan_RunningConfigDiffers_ApplyWithTargetAndPrevious()
    {
        var runningText = RunningOf(Target().Replace("description tor", "description old", StringComparison.Ordinal));

        var plan = Plan(Observed(runningText));

        var apply = Assert.IsType<ApplyBgpConfig>(Assert.Single(plan.Plan.Actions));
        Assert.Equal(["router bgp 65101", "neighbor 192.168.77.1 description tor", "exit"], apply.Change.Commands);
        Assert.Equal(Target(), apply.Target);
        Assert.Equal(runningText, apply.Previous);
        Assert.Empty(plan.Announcements);
    }

    [Fact]
    public void Plan_FrrFileDiffers_WriteFile()
    {
        var plan = Plan(Observed() with { ConfigFile = Target() + "! edited by hand\n" });

        Assert.Equal("differs from the running config", Assert.IsType<WriteBgpConfigFile>(Assert.Single(plan.Plan.Actions)).Reason);
    }

    [Fact]
    public void Plan_QuaggaFileDiffers_Nothing()
    {
        var desired = BgpTestData.Desired("minimal", BgpFlavor.Quagga);
        var target = BgpConfigRenderer.Render(desired);
        var settings = Settings() with { Flavor = BgpFlavor.Quagga };

        // Quagga prints no "frr version" header.
        var running = "Current configuration:\n!\n" + target + "end\n";

        var plan = BgpPlanner.Plan(new BgpPlanInput(desired, target, settings, Observed(running) with { ConfigFile = "written by bgpd itself" }));

        Assert.True(plan.Plan.InSync, string.Join("; ", plan.Plan.Actions));
    }

    [Fact]
    public void Plan_AdvertisedMissing_RefreshThatNeighbor()
    {
        var plan = Plan(Observed(advertised: []));

        var refresh = Assert.IsType<RefreshBgpAnnouncements>(Assert.Single(plan.Plan.Actions));
        Assert.Equal(Tor, refresh.Neighbor);
        Assert.Equal([Pods], refresh.Missing);
        Assert.Empty(refresh.Extra);
        Assert.True(plan.Announcements.Single().Drifted);
    }

    [Fact]
    public void Plan_AdvertisedExtra_RefreshThatNeighbor()
    {
        var extra = Ipv4Cidr.Parse("10.99.0.0/16");

        var plan = Plan(Observed(advertised: [Pods, extra]));

        var refresh = Assert.IsType<RefreshBgpAnnouncements>(Assert.Single(plan.Plan.Actions));
        Assert.Equal([extra], refresh.Extra);
        Assert.Contains("not expected: 10.99.0.0/16", refresh.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AdvertisedMissingWhileSettling_NotDriftButRecheck()
    {
        var plan = Plan(Observed(advertised: []) with { SettleUntil = Now + TimeSpan.FromSeconds(4) });

        Assert.True(plan.Plan.InSync);
        Assert.False(plan.Announcements.Single().Judged);
        Assert.Equal(Now + TimeSpan.FromSeconds(4), plan.RecheckAt);
    }

    [Fact]
    public void Plan_SessionJustUp_NotDriftButRecheckWhenSettled()
    {
        var plan = Plan(Observed(advertised: [], uptime: TimeSpan.FromSeconds(2)));

        Assert.True(plan.Plan.InSync);
        Assert.Equal(Now + BgpPlanner.AnnouncementSettle - TimeSpan.FromSeconds(2), plan.RecheckAt);
    }

    [Fact]
    public void Plan_SessionDown_NoticeOnlyAnnouncementsNotJudged()
    {
        var plan = Plan(Observed(advertised: [], state: "Active"));

        Assert.True(plan.Plan.InSync);
        Assert.Contains(plan.Plan.Findings, f => f.Message == "session with 192.168.77.1 (tor) is Active");
        Assert.False(plan.Announcements.Single().Judged);
    }

    [Fact]
    public void Plan_PrefixWithoutRoute_NoticeAndNotExpected()
    {
        var plan = Plan(Observed(advertised: [], localRoutes: []));

        Assert.True(plan.Plan.InSync, "FRR withdrew it because the bridge is down: that is the wanted behaviour");
        Assert.Contains(plan.Plan.Findings, f => f.Message.StartsWith("10.216.0.0/24 is not announced", StringComparison.Ordinal));
        Assert.Empty(plan.Announcements.Single().Expected);
    }

    [Fact]
    public void Plan_DrainedShutdown_NoticeAndCommunityInTarget()
    {
        var desired = Desired(DrainPhase.Shutdown);
        var target = BgpConfigRenderer.Render(desired);

        var plan = BgpPlanner.Plan(new BgpPlanInput(desired, target, Settings(), Observed(RunningOf(target)) with { ConfigFile = target }));

        Assert.True(plan.Plan.InSync);
        Assert.Contains(plan.Plan.Findings, f => f.Message.StartsWith("drained: announcing with GRACEFUL_SHUTDOWN", StringComparison.Ordinal));
        Assert.Contains(" set community 65101:100 graceful-shutdown\n", target, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DrainedWithdrawnButStillAnnounced_ApplyRemovesNetwork()
    {
        var desired = Desired(DrainPhase.Withdrawn);
        var target = BgpConfigRenderer.Render(desired);
        var running = RunningOf(BgpConfigRenderer.Render(Desired(DrainPhase.Shutdown)));

        var plan = BgpPlanner.Plan(new BgpPlanInput(desired, target, Settings(), Observed(running) with { ConfigFile = target }));

        var apply = Assert.IsType<ApplyBgpConfig>(Assert.Single(plan.Plan.Actions));
        Assert.Contains("no network 10.216.0.0/24", apply.Change.Commands);
    }

    [Fact]
    public void Plan_DrainedWithdrawn_NothingExpectedSoAnAnnouncementIsExtra()
    {
        var desired = Desired(DrainPhase.Withdrawn);
        var target = BgpConfigRenderer.Render(desired);

        var plan = BgpPlanner.Plan(new BgpPlanInput(desired, target, Settings(), Observed(RunningOf(target), advertised: [Pods]) with { ConfigFile = target }));

        Assert.Equal([Pods], Assert.IsType<RefreshBgpAnnouncements>(Assert.Single(plan.Plan.Actions)).Extra);
    }

    [Fact]
    public void Plan_SameInputs_SamePlan()
    {
        var first = Plan(Observed(advertised: []));
        var second = Plan(Observed(advertised: []));

        Assert.True(first.Plan.Equivalent(second.Plan), "plans compare by value, so a repeated drift is counted once");
    }

    private static BgpSettings Settings() =>
        ConfigTestSupport.AssertValid(ConfigLoader.Parse(BgpTestData.Read("drain-shutdown", "hostagent.json"))).Bgp!;

    private static BgpDesired Desired(DrainPhase phase = DrainPhase.Active) => BgpDesired.From(Settings(), Settings().RouterId!.Value, phase);

    private static string Target() => BgpConfigRenderer.Render(Desired());

    /// <summary>How FRR shows a config it runs: the owned part with FRR's header.</summary>
    private static string RunningOf(string config) => "Building configuration...\n\nCurrent configuration:\n!\nfrr version 8.4.4\n!\n" + config + "end\n";

    private static BgpObserved Observed(
        string? running = null, IReadOnlyList<Ipv4Cidr>? advertised = null, IReadOnlyList<Ipv4Cidr>? localRoutes = null,
        string state = "Established", TimeSpan? uptime = null)
    {
        var session = new BgpSession(Tor, 65000, state, uptime ?? TimeSpan.FromMinutes(5), 0, 1, 1, "tor");
        var show = new BgpShowResult(
            running ?? RunningOf(Target()),
            [session],
            localRoutes ?? [Pods],
            new Dictionary<string, IReadOnlyList<Ipv4Cidr>> { [Tor] = advertised ?? [Pods] });
        return new BgpObserved(Up, show, BgpCheckResult.Ok, Target(), Now, Now - TimeSpan.FromMinutes(1));
    }

    private static BgpPlan Plan(BgpObserved observed) => BgpPlanner.Plan(new BgpPlanInput(Desired(), Target(), Settings(), observed));
}
