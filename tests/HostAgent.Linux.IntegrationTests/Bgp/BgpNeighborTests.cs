using HostAgent.Contracts.V1;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>A change that concerns one neighbor leaves the others' sessions alone.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpNeighborTests
{
    [SkippableFact]
    public void Reload_SecondNeighborAdded_FirstSessionNotReset()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig());
        BgpAgents.WaitForTorRoute(lab, agent);
        var before = lab.NodeFrr.Peers()[BgpLab.TorAddress];
        var torBefore = lab.TorFrr.Peers()[BgpLab.NodeAddress];

        agent.WriteConfig(lab.AgentConfig(neighbors:
            $"[{{ \"address\": \"{BgpLab.TorAddress}\", \"remoteAsn\": {BgpLab.TorAsn}, \"description\": \"tor\" }}, {{ \"address\": \"192.168.77.3\", \"remoteAsn\": 65003, \"description\": \"second tor\" }}]"));
        Assert.True(agent.Client.ReloadConfig(new ReloadConfigRequest()).Ok);
        var status = BgpAgents.WaitForBgp(agent, s => s.Neighbors.Count == 2 && s.PendingChanges == 0, "the second neighbor is never configured");
        // Longer than the 3 s hold time: a reset would have shown by now.
        Thread.Sleep(TimeSpan.FromSeconds(4));

        var after = lab.NodeFrr.Peers()[BgpLab.TorAddress];
        var torAfter = lab.TorFrr.Peers()[BgpLab.NodeAddress];
        Assert.Equal("Established", after.GetProperty("state").GetString());
        var detail = $"before: {before}\nafter: {after}\nagent:\n{agent.Output}";
        Assert.True(before.GetProperty("connectionsEstablished").GetInt32() == after.GetProperty("connectionsEstablished").GetInt32(), detail);
        Assert.True(before.GetProperty("connectionsDropped").GetInt32() == after.GetProperty("connectionsDropped").GetInt32(), detail);
        // FRR derives this from "now - uptime" in whole seconds, so it may move by one without a reset.
        Assert.True(Math.Abs(before.GetProperty("peerUptimeEstablishedEpoch").GetInt64() - after.GetProperty("peerUptimeEstablishedEpoch").GetInt64()) <= 1, detail);
        Assert.True(after.GetProperty("peerUptimeMsec").GetInt64() >= before.GetProperty("peerUptimeMsec").GetInt64(), detail);
        Assert.True(torBefore.GetProperty("connectionsEstablished").GetInt32() == torAfter.GetProperty("connectionsEstablished").GetInt32(), $"tor before: {torBefore}\ntor after: {torAfter}");
        Assert.True(lab.TorHasNodeRoute());
        Assert.Equal("success", status.LastApply.Result);
        Assert.Contains("+ neighbor 192.168.77.3 remote-as 65003", status.LastApply.Message, StringComparison.Ordinal);
        Assert.Contains(" neighbor 192.168.77.3 remote-as 65003", lab.NodeFrr.RunningConfig(), StringComparison.Ordinal);
        Assert.Contains(" neighbor 192.168.77.3 remote-as 65003", File.ReadAllText(lab.NodeFrr.ConfigPath), StringComparison.Ordinal);
    }
}
