using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>
/// FRR announces a network statement only while a matching route exists: a pod bridge that is down or gone
/// withdraws the /24 rather than draw pod traffic into a black hole. (The network component only observes here,
/// or it would bring the bridge straight back.)
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpBridgeTests
{
    [SkippableFact]
    public void Bridge_DownThenUpThenGone_PrefixWithdrawnAnnouncedWithdrawn()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        lab.Node.Ip("link", "add", "cbr0", "type", "bridge");
        lab.Node.Ip("addr", "add", "10.216.0.1/24", "dev", "cbr0");
        lab.Node.Ip("link", "set", "cbr0", "up");
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig(network: "\"observeOnly\": true"));
        BgpAgents.WaitForTorRoute(lab, agent);

        lab.Node.Ip("link", "set", "cbr0", "down");

        BgpAgents.WaitForTorRoute(lab, agent, present: false);
        var status = BgpAgents.WaitForBgp(agent, s => s.Announceable.Count == 0, "the missing route is never reported");
        Assert.Contains(status.Findings, f => f.Contains("10.216.0.0/24 is not announced", StringComparison.Ordinal));
        Assert.DoesNotContain(status.Findings, f => f.StartsWith("conflict", StringComparison.Ordinal));
        // A withdrawn prefix whose bridge is down is FRR doing its job, not drift.
        BgpAgents.WaitForBgp(agent, s => s.Component.InSync && s.Component.Findings.Any(f => f.Contains("is not announced", StringComparison.Ordinal)), "the loop never reports it in sync");

        lab.Node.Ip("link", "set", "cbr0", "up");
        BgpAgents.WaitForTorRoute(lab, agent);

        lab.Node.Ip("link", "del", "cbr0");
        BgpAgents.WaitForTorRoute(lab, agent, present: false);
        Assert.True(Lab.WaitUntil(() => agent.Bgp().Announceable.Count == 0, TimeSpan.FromSeconds(5)));
    }
}
