using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class BgpComponentTests
{
    private const string SecondNeighbor = "\"neighbors\": [ { \"address\": \"192.168.77.1\", \"remoteAsn\": 65000, \"description\": \"tor\" }, { \"address\": \"192.168.77.3\", \"remoteAsn\": 65003 } ]";

    [Fact]
    public async Task Run_DaemonDownNoFile_WritesFileStartsAndIsInSync()
    {
        using var bgp = new BgpComponentFixture();
        bgp.Daemon.Running = false;

        var result = await bgp.RunAsync();

        Assert.Null(result.Error);
        Assert.True(result.InSync, string.Join("; ", result.Findings));
        Assert.Equal(["write-bgp-config-file", "start-bgp-daemon"], result.Applied.Select(a => a.Kind));
        Assert.Equal(bgp.Target(), bgp.Daemon.ConfigFile);
        Assert.Equal(["check", "write", "start"], bgp.Daemon.Calls);
        Assert.DoesNotContain(bgp.Daemon.Calls, c => c.StartsWith("configure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_InSync_OnlyObserves()
    {
        using var bgp = new BgpComponentFixture().InSync();

        var result = await bgp.RunAsync();

        Assert.True(result.InSync);
        Assert.Empty(result.Applied);
        Assert.Equal(["check"], bgp.Daemon.Calls);
        Assert.Equal(BgpComponentFixture.Tor, Assert.Single(bgp.Component.Status!.Neighbors).Session!.Neighbor);
        Assert.Same(bgp.Component.Status, bgp.Metrics.Last);
    }

    [Fact]
    public async Task Run_SecondNeighborAdded_OnlyItsLinesSentThenFileWritten()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Reload(SecondNeighbor);

        var result = await bgp.RunAsync();

        Assert.True(result.InSync, result.Error);
        var configure = Assert.Single(bgp.Daemon.Calls, c => c.StartsWith("configure", StringComparison.Ordinal));
        Assert.Equal("configure: router bgp 65101 | neighbor 192.168.77.3 remote-as 65003 | address-family ipv4 unicast | " +
            "neighbor 192.168.77.3 route-map HOSTAGENT-IN in | neighbor 192.168.77.3 route-map HOSTAGENT-OUT out | exit-address-family | exit", configure);
        Assert.Equal(bgp.Target(), bgp.Daemon.ConfigFile);
        Assert.Equal([BgpApplyResult.Success], bgp.Metrics.Applies);
        Assert.Equal(BgpApplyResult.Success, bgp.Component.Status!.LastApply!.Result);
    }

    [Fact]
    public async Task Run_BgpdRefusesMidway_PreviousRestoredThenHeldAsConflict()
    {
        using var bgp = new BgpComponentFixture().InSync();
        var before = bgp.Daemon.RunningConfig();
        bgp.Daemon.Refuse = static command => command.StartsWith("neighbor 192.168.77.3 remote-as", StringComparison.Ordinal)
            ? "% Can not configure the local system as neighbor"
            : null;
        bgp.Reload(SecondNeighbor.Replace("\"tor\"", "\"tor renamed\"", StringComparison.Ordinal));

        var failed = await bgp.RunAsync();
        var again = await bgp.RunAsync();

        Assert.Contains("the previous config was restored", failed.Error, StringComparison.Ordinal);
        Assert.Contains("local system as neighbor", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, bgp.Daemon.RunningConfig());
        Assert.Equal(2, bgp.Daemon.Calls.Count(c => c.StartsWith("configure", StringComparison.Ordinal)));
        Assert.Null(again.Error);
        Assert.False(again.InSync);
        Assert.Contains(again.Findings, f => f.Severity == FindingSeverity.Conflict && f.Message.Contains("refused it while it was being applied", StringComparison.Ordinal));
        Assert.Equal(2, bgp.Daemon.Calls.Count(c => c.StartsWith("configure", StringComparison.Ordinal)));
        Assert.Equal([BgpApplyResult.Failed], bgp.Metrics.Applies);
        Assert.NotEqual(bgp.Target(), bgp.Daemon.ConfigFile);
    }

    [Fact]
    public async Task Run_BgpdRestartedAfterRefusal_TriedAgain()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Daemon.Refuse = static command => command.Contains("192.168.77.3", StringComparison.Ordinal) ? "% refused" : null;
        bgp.Reload(SecondNeighbor);
        await bgp.RunAsync();
        bgp.Daemon.Refuse = static _ => null;
        bgp.Daemon.Crash();

        var result = await bgp.RunAsync();

        Assert.True(result.InSync, result.Error);
        Assert.Contains(" neighbor 192.168.77.3 remote-as 65003", bgp.Daemon.RunningConfig(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CheckRejects_NothingSentConflictCountedOnce()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Daemon.RejectCheck = "line 7: % Unknown command: neighbor 192.168.77.3 bogus";
        bgp.Reload(SecondNeighbor);

        var first = await bgp.RunAsync();
        var second = await bgp.RunAsync();

        Assert.Empty(first.Applied);
        Assert.Null(first.Error);
        Assert.Contains(first.Findings, f => f.Severity == FindingSeverity.Conflict && f.Message.Contains("line 7", StringComparison.Ordinal));
        Assert.False(second.InSync);
        Assert.DoesNotContain(bgp.Daemon.Calls, c => c.StartsWith("configure", StringComparison.Ordinal) || c == "write");
        Assert.Single(bgp.Daemon.Calls, c => c == "check");
        Assert.Equal([BgpApplyResult.Rejected], bgp.Metrics.Applies);
        Assert.False(bgp.Component.Status!.Check!.Accepted);
    }

    [Fact]
    public async Task Drain_ThenDelayOver_GracefulShutdownThenWithdrawnByTimer()
    {
        using var bgp = new BgpComponentFixture().InSync();

        var state = bgp.Component.Drain(null);
        var drained = await bgp.RunAsync("drain");

        Assert.True(state.Drained);
        Assert.True(drained.InSync, drained.Error);
        Assert.Contains("set community graceful-shutdown", bgp.Daemon.RunningConfig(), StringComparison.Ordinal);
        Assert.Contains("clear ip bgp * soft out", bgp.Daemon.Calls.Single(c => c.StartsWith("configure", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(" network 10.216.0.0/24", bgp.Daemon.RunningConfig(), StringComparison.Ordinal);
        Assert.Equal(DrainPhase.Shutdown, bgp.Component.Status!.Phase);

        bgp.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Contains("drain withdraw delay over", bgp.Signals);
        var withdrawn = await bgp.RunAsync("drain withdraw delay over");

        Assert.True(withdrawn.InSync, withdrawn.Error);
        Assert.DoesNotContain(" network 10.216.0.0/24", bgp.Daemon.RunningConfig(), StringComparison.Ordinal);
        Assert.Equal(bgp.Target(DrainPhase.Withdrawn), bgp.Daemon.ConfigFile);

        bgp.Component.Undrain();
        var undrained = await bgp.RunAsync("undrain");

        Assert.True(undrained.InSync, undrained.Error);
        Assert.Equal(bgp.Target(), bgp.Daemon.ConfigFile);
        Assert.DoesNotContain("graceful-shutdown", bgp.Daemon.RunningConfig(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_GivenDelay_KeptInTheStoreForTheNextAgent()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Component.Drain(TimeSpan.FromSeconds(5));

        using var restarted = new BgpComponentFixture();
        var stored = bgp.Store.Load(bgp.Settings.DrainStateFile);

        Assert.True(stored.Drained);
        Assert.Equal(TimeSpan.FromSeconds(5), stored.WithdrawDelay);
        Assert.Equal(bgp.Time.GetUtcNow() + TimeSpan.FromSeconds(5), stored.WithdrawAt(bgp.Settings.DrainWithdrawDelay));
        Assert.Equal(1, bgp.Store.Saves);
        _ = restarted;
    }

    [Fact]
    public async Task Drain_Twice_KeepsTheFirstDeadline()
    {
        using var bgp = new BgpComponentFixture().InSync();
        var first = bgp.Component.Drain(null);
        bgp.Time.Advance(TimeSpan.FromSeconds(10));

        var second = bgp.Component.Drain(null);

        Assert.Equal(first, second);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Run_AdvertisedMissingAfterSettling_SoftRefreshOfThatNeighbor()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Daemon.Advertised[BgpComponentFixture.Tor] = [];

        var result = await bgp.RunAsync();

        Assert.Equal("refresh-bgp-announcements", Assert.Single(result.Applied).Kind);
        Assert.Contains(bgp.Daemon.Calls, c => c == "configure:  || clear ip bgp 192.168.77.1 soft out");
        Assert.Single(bgp.Component.Status!.Neighbors.Single().Announcements!.Missing);
    }

    [Fact]
    public async Task Run_AfterApply_AnnouncementsSettleBeforeTheyAreJudged()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Reload(SecondNeighbor);
        bgp.Daemon.Advertised[BgpComponentFixture.Tor] = [];

        var result = await bgp.RunAsync();

        Assert.True(result.InSync, result.Error);
        Assert.Equal(["apply-bgp-config"], result.Applied.Select(a => a.Kind));
        Assert.False(bgp.Component.Status!.Neighbors[0].Announcements!.Judged);
        bgp.Time.Advance(BgpPlanner.AnnouncementSettle);
        Assert.Contains("announcements settled", bgp.Signals);
    }

    [Fact]
    public async Task Run_RouterIdFromInterface_UsesItsFirstAddress()
    {
        using var bgp = new BgpComponentFixture();
        bgp.Reload("\"routerIdInterface\": \"eth0\"");
        var config = BgpComponentFixture.Load("\"routerIdInterface\": \"eth0\"");
        bgp.Config.Accept(config with { Bgp = config.Bgp! with { RouterId = null } }, bgp.Time.GetUtcNow());
        var index = bgp.Kernel.AddLink("eth0", up: true);
        bgp.Kernel.AddAddress(index, new Ipv4Prefix(Ipv4Cidr.Parse("192.168.50.7/32").Network, 24));

        var result = await bgp.RunAsync();

        Assert.True(result.InSync, result.Error);
        Assert.Contains(" bgp router-id 192.168.50.7", bgp.Daemon.RunningConfig(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RouterIdInterfaceMissing_ConflictAndNothingTouched()
    {
        using var bgp = new BgpComponentFixture().InSync();
        var config = BgpComponentFixture.Load("\"routerIdInterface\": \"eth9\"");
        bgp.Config.Accept(config with { Bgp = config.Bgp! with { RouterId = null } }, bgp.Time.GetUtcNow());

        var result = await bgp.RunAsync();

        Assert.Contains(result.Findings, f => f.Severity == FindingSeverity.Conflict && f.Message.Contains("eth9 does not exist", StringComparison.Ordinal));
        Assert.Empty(bgp.Daemon.Calls);
        Assert.Contains("eth9", bgp.Component.Status!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ObserveOnly_PlansButSendsNothing()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Reload(SecondNeighbor + ", \"observeOnly\": true");

        var result = await bgp.RunAsync();

        Assert.Equal("apply-bgp-config", Assert.Single(result.Skipped).Kind);
        Assert.DoesNotContain(bgp.Daemon.Calls, c => c.StartsWith("configure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_FrrReloadMethod_WholeFileThroughReload()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Reload(SecondNeighbor + ", \"applyMethod\": \"frr-reload\"");

        var result = await bgp.RunAsync();

        Assert.True(result.InSync, result.Error);
        Assert.Contains("reload", bgp.Daemon.Calls);
        Assert.DoesNotContain(bgp.Daemon.Calls, c => c.StartsWith("configure", StringComparison.Ordinal));
        Assert.Contains("with frr-reload.py", Assert.Single(result.Applied).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DaemonDownNoWayToStart_ErrorNamesStartCommand()
    {
        using var bgp = new BgpComponentFixture(serviceManager: false).InSync();
        bgp.Daemon.Running = false;

        var result = await bgp.RunAsync();

        Assert.Contains("bgp.startCommand is empty", result.Error, StringComparison.Ordinal);
        Assert.False(bgp.Component.Status!.Daemon.Running);
    }

    [Fact]
    public async Task Run_PasswordChanged_NeverInDescriptionsOrStatus()
    {
        using var bgp = new BgpComponentFixture().InSync();
        bgp.Reload("\"neighbors\": [ { \"address\": \"192.168.77.1\", \"remoteAsn\": 65000, \"description\": \"tor\", \"password\": \"hunter2\" } ]");

        var result = await bgp.RunAsync();

        Assert.True(result.InSync, result.Error);
        Assert.Contains(bgp.Daemon.Calls, c => c.Contains("password hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", string.Join(" ", result.Applied.Select(a => a.Description + a)), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", bgp.Component.Status!.LastApply!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join(" ", bgp.Runner.Status.Desired.Select(f => f.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void OwnedUnits_Config_TheServiceUnit()
    {
        using var bgp = new BgpComponentFixture("\"serviceUnit\": \"bgpd.service\"");

        Assert.Equal(["bgpd.service"], bgp.Component.OwnedUnits);
        Assert.Equal(BgpComponent.ComponentName, bgp.Component.Name);
    }

    [Fact]
    public async Task PlanAsync_Always_SchedulesTheSessionPoll()
    {
        using var bgp = new BgpComponentFixture("\"sessionPollInterval\": \"5s\"").InSync();

        await bgp.Component.PlanAsync(CancellationToken.None);
        bgp.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Contains("session poll", bgp.Signals);
    }

    [Fact]
    public async Task PlanAsync_CalledEverySecond_SessionPollStillDueOnTime()
    {
        using var bgp = new BgpComponentFixture("\"sessionPollInterval\": \"5s\"").InSync();

        // A status caller observing every second must not put the loop's own poll off.
        for (var second = 0; second < 5; second++)
        {
            await bgp.Component.PlanAsync(CancellationToken.None);
            Assert.DoesNotContain("session poll", bgp.Signals);
            bgp.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Contains("session poll", bgp.Signals);
    }

    [Fact]
    public void WakeAt_EarlierTimeForTheSameReason_MovesTheWakeUpForward()
    {
        using var bgp = new BgpComponentFixture();
        var now = bgp.Time.GetUtcNow();

        bgp.Wakeups.WakeAt(now + TimeSpan.FromSeconds(10), "drain withdraw delay over");
        bgp.Wakeups.WakeAt(now + TimeSpan.FromSeconds(3), "drain withdraw delay over");
        bgp.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["drain withdraw delay over"], bgp.Signals);
    }

    [Fact]
    public void WakeAt_AfterItFired_SchedulesAgain()
    {
        using var bgp = new BgpComponentFixture();

        bgp.Wakeups.WakeAt(bgp.Time.GetUtcNow() + TimeSpan.FromSeconds(2), "session poll");
        bgp.Time.Advance(TimeSpan.FromSeconds(2));
        bgp.Wakeups.WakeAt(bgp.Time.GetUtcNow() + TimeSpan.FromSeconds(2), "session poll");
        bgp.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["session poll", "session poll"], bgp.Signals);
    }

    [Fact]
    public void Desired_Settings_Flavor()
    {
        using var bgp = new BgpComponentFixture("\"flavor\": \"quagga\"");

        Assert.Equal(BgpFlavor.Quagga, bgp.Settings.Flavor);
        Assert.Equal("/etc/quagga/bgpd.conf", bgp.Settings.ConfigFile);
    }
}
