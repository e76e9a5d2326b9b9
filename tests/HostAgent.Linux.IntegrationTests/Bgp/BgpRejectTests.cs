using HostAgent.Contracts.V1;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>
/// A config bgpd refuses changes nothing. The agent cannot know the node's own addresses are not valid
/// neighbors (bgpd refuses "the local system as neighbor"), so such a config passes validation, bgpd refuses
/// it halfway through the change, and the agent must put back what it had already changed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpRejectTests
{
    [SkippableFact]
    public void Reload_ConfigBgpdRefuses_RunningConfigAndSessionUnchanged()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig());
        BgpAgents.WaitForTorRoute(lab, agent);
        var runningBefore = lab.NodeFrr.RunningConfig();
        var fileBefore = File.ReadAllText(lab.NodeFrr.ConfigPath);
        var sessionBefore = lab.NodeFrr.Peers()[BgpLab.TorAddress];

        // The description change comes first in the change, the refused neighbor after it.
        agent.WriteConfig(lab.AgentConfig(neighbors:
            $"[{{ \"address\": \"{BgpLab.TorAddress}\", \"remoteAsn\": {BgpLab.TorAsn}, \"description\": \"tor changed\" }}, {{ \"address\": \"{BgpLab.NodeAddress}\", \"remoteAsn\": 65009 }}]"));
        Assert.True(agent.Client.ReloadConfig(new ReloadConfigRequest()).Ok);
        var status = BgpAgents.WaitForBgp(agent, s => s.LastApply.Result == "failed", "the refused change is never reported");
        Thread.Sleep(TimeSpan.FromSeconds(2));

        Assert.Equal(runningBefore, lab.NodeFrr.RunningConfig());
        Assert.Equal(fileBefore, File.ReadAllText(lab.NodeFrr.ConfigPath));
        var sessionAfter = lab.NodeFrr.Peers()[BgpLab.TorAddress];
        Assert.Equal("Established", sessionAfter.GetProperty("state").GetString());
        Assert.Equal(sessionBefore.GetProperty("connectionsEstablished").GetInt32(), sessionAfter.GetProperty("connectionsEstablished").GetInt32());
        Assert.Contains("local system as neighbor", status.LastApply.Message, StringComparison.Ordinal);
        Assert.False(status.ConfigAccepted);
        var component = agent.Bgp().Component;
        Assert.False(component.InSync);
        Assert.Contains(component.Findings, f => f.StartsWith("conflict: bgpd rejects the new config", StringComparison.Ordinal));
        // Refused once, then held as a conflict rather than retried against the daemon.
        Assert.Equal(1UL, component.Failures);
        var metrics = lab.Metrics();
        Assert.Contains("hostagent_bgp_applies_total{result=\"failed\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_bgp_config_rejected 1", metrics, StringComparison.Ordinal);
        Assert.True(lab.TorHasNodeRoute());
    }
}
