using HostAgent.Contracts.V1;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>bgp.applyMethod "frr-reload": the same change through frr-reload.py, the slower fallback.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpFrrReloadTests
{
    [SkippableFact]
    public void FrrReload_SecondNeighborAdded_AppliedWithoutReset()
    {
        BgpAgents.RequireLab();
        Skip.IfNot(File.Exists("/usr/lib/frr/frr-reload.py"), "needs frr-pythontools (frr-reload.py)");
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig("\"applyMethod\": \"frr-reload\""));
        BgpAgents.WaitForTorRoute(lab, agent);
        var before = lab.NodeFrr.Peers()[BgpLab.TorAddress].GetProperty("connectionsEstablished").GetInt32();

        agent.WriteConfig(lab.AgentConfig("\"applyMethod\": \"frr-reload\"", neighbors:
            $"[{{ \"address\": \"{BgpLab.TorAddress}\", \"remoteAsn\": {BgpLab.TorAsn}, \"description\": \"tor\" }}, {{ \"address\": \"192.168.77.3\", \"remoteAsn\": 65003 }}]"));
        Assert.True(agent.Client.ReloadConfig(new ReloadConfigRequest()).Ok);
        var status = BgpAgents.WaitForBgp(agent, s => s.Neighbors.Count == 2 && s.PendingChanges == 0 && s.LastApply.Result == "success", "frr-reload.py never applies the change");

        Assert.Equal(before, lab.NodeFrr.Peers()[BgpLab.TorAddress].GetProperty("connectionsEstablished").GetInt32());
        Assert.Equal(BgpAgents.OwnedFileConfig(lab.NodeFrr.ConfigPath), BgpAgents.OwnedRunningConfig(lab.NodeFrr));
        Assert.Contains("with frr-reload.py", agent.Output, StringComparison.Ordinal);
        Assert.True(status.Component.InSync);
    }
}
