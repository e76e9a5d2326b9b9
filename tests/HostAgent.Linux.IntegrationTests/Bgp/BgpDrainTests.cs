using HostAgent.Contracts.V1;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>Drain: GRACEFUL_SHUTDOWN first, withdraw after the delay, kept across an agent restart, undone by undrain.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpDrainTests
{
    [SkippableFact]
    public void Drain_GracefulShutdownThenWithdrawn_KeptAcrossRestartUntilUndrain()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig("\"communities\": [\"65101:100\"], \"drainWithdrawDelay\": \"4s\""));
        BgpAgents.WaitForTorRoute(lab, agent);
        Assert.Equal(["65101:100"], lab.TorFrr.Communities(BgpLab.PodCidr));

        var drained = agent.Client.Drain(new DrainRequest());

        Assert.True(drained.Drain.Drained);
        Assert.Equal("shutdown", drained.Drain.Phase);
        Assert.True(drained.Result.InSync, drained.Result.Error);
        Assert.True(Lab.WaitUntil(() => lab.TorFrr.Communities(BgpLab.PodCidr)?.Contains("graceful-shutdown") == true, TimeSpan.FromSeconds(3)),
            "the ToR never sees 65535:0 on the route\n" + agent.Output);
        Assert.Contains("65101:100", lab.TorFrr.Communities(BgpLab.PodCidr)!);
        Assert.True(lab.TorHasNodeRoute(), "the route must stay until the withdraw delay is over");
        BgpAgents.WaitForTorRoute(lab, agent, present: false);
        Assert.Equal("withdrawn", agent.Bgp().Drain.Phase);
        Assert.Contains("hostagent_bgp_drained 1", lab.Metrics(), StringComparison.Ordinal);

        Assert.Equal(0, agent.Stop());
        agent.Start();
        Thread.Sleep(TimeSpan.FromSeconds(2));

        var afterRestart = agent.Bgp();
        Assert.True(afterRestart.Drain.Drained);
        Assert.Equal("withdrawn", afterRestart.Drain.Phase);
        Assert.False(lab.TorHasNodeRoute(), "a restarted agent must keep the node drained");
        Assert.DoesNotContain(" network 10.216.0.0/24", lab.NodeFrr.RunningConfig(), StringComparison.Ordinal);

        var undrained = agent.Client.Undrain(new UndrainRequest());

        Assert.False(undrained.Drain.Drained);
        Assert.True(undrained.Result.InSync, undrained.Result.Error);
        BgpAgents.WaitForTorRoute(lab, agent);
        Assert.True(Lab.WaitUntil(() => lab.TorFrr.Communities(BgpLab.PodCidr) is ["65101:100"], TimeSpan.FromSeconds(5)),
            string.Join(' ', lab.TorFrr.Communities(BgpLab.PodCidr) ?? []));
        Assert.Contains("hostagent_bgp_drained 0", lab.Metrics(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Drain_BgpdRestarted_StillDrained()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig("\"drainWithdrawDelay\": \"1h\""));
        BgpAgents.WaitForTorRoute(lab, agent);
        agent.Client.Drain(new DrainRequest { WithdrawDelay = "2s" });
        BgpAgents.WaitForTorRoute(lab, agent, present: false);

        var killed = lab.NodeFrr.BgpdPid();
        lab.NodeFrr.KillBgpd();
        Assert.True(Lab.WaitUntil(() => lab.NodeFrr.BgpdPid() is { } pid && pid != killed && lab.NodeFrr.Established(BgpLab.TorAddress), BgpAgents.Converge), agent.Output);
        Thread.Sleep(TimeSpan.FromSeconds(3));

        Assert.False(lab.TorHasNodeRoute(), "a restarted bgpd must come up drained (from the file the agent wrote)");
        Assert.Equal("withdrawn", agent.Bgp().Drain.Phase);
    }
}
