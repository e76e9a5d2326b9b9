using System.Globalization;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>bgpd crashes: the agent notices within its liveness interval, starts it again and the announcement comes back.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpDaemonDownTests
{
    [SkippableFact]
    public void BgpdKilled_ReportedDownPromptlyAndAnnouncementBackWithoutCalls()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig());
        BgpAgents.WaitForTorRoute(lab, agent);
        var killed = lab.NodeFrr.BgpdPid()!.Value;

        var at = DateTime.Now;
        lab.NodeFrr.KillBgpd();

        // Seen through the log and /metrics only: nobody calls the agent until the announcement is back.
        // Whichever wakes the loop first (the liveness watch or the session poll), the plan names the dead process.
        Assert.True(Lab.WaitUntil(() => agent.Output.Contains($"drift detected", StringComparison.Ordinal)
                && agent.Output.Contains($"bgpd process {killed.ToString(CultureInfo.InvariantCulture)} from", StringComparison.Ordinal), TimeSpan.FromSeconds(3)),
            $"the agent did not notice within 3 s\n{agent.Output}");
        var noticed = DateTime.Now - at;
        Assert.True(Lab.WaitUntil(() => lab.NodeFrr.BgpdPid() is { } pid && pid != killed, TimeSpan.FromSeconds(5)), agent.Output);
        Assert.True(Lab.WaitUntil(() => lab.Metrics().Contains($"hostagent_bgp_session_up{{neighbor=\"{BgpLab.TorAddress}\"}} 1", StringComparison.Ordinal), BgpAgents.Converge), agent.Output);
        BgpAgents.WaitForTorRoute(lab, agent);

        Assert.True(noticed < TimeSpan.FromSeconds(3), $"noticed after {noticed}");
        Assert.Contains(agent.Output.Split('\n'), l => l.Contains("applied start-bgp-daemon", StringComparison.Ordinal));
        var status = agent.Bgp();
        Assert.True(status.DaemonRunning);
        Assert.Equal("Established", status.Neighbors.Single().State);
    }

    [SkippableFact]
    public void BgpdKilled_StatusAndMetricsReportSessionDownPromptly()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig());
        BgpAgents.WaitForTorRoute(lab, agent);
        BgpAgents.WaitForBgp(agent, s => s.Neighbors.Single().Established, "the session never comes up");

        lab.NodeFrr.KillBgpd();

        // Restarted within a second, bgpd needs a few more to bring the session back: long enough to be seen down.
        var down = BgpAgents.WaitForBgp(agent, s => !s.Neighbors.Single().Established, "the session is never reported down", TimeSpan.FromSeconds(3));
        Assert.NotEqual("Established", down.Neighbors.Single().State);
        Assert.True(Lab.WaitUntil(() => agent.Output.Split('\n').Any(l => l.Contains("applied start-bgp-daemon", StringComparison.Ordinal) && l.Contains("has exited", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(3)), agent.Output);
        BgpAgents.WaitForBgp(agent, s => s.Neighbors.Single().Established && s.Neighbors.Single().Advertised.Count == 1, "the session never comes back");
    }
}
