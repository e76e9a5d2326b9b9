using HostAgent.Contracts.V1;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>From nothing: the agent starts bgpd with the config it rendered and the ToR learns the pod /24.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpStartTests
{
    [SkippableFact]
    public void Start_FromNothing_TorKernelGetsPodPrefixViaNodeUplink()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();

        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig());

        BgpAgents.WaitForTorRoute(lab, agent);
        var status = BgpAgents.WaitForBgp(agent, s => s.Neighbors.Single().Advertised.Contains(BgpLab.PodCidr), "the ToR is never advertised the prefix");
        Assert.True(status.DaemonRunning, status.Daemon);
        Assert.Equal(BgpLab.NodeAddress, status.RouterId);
        Assert.Equal("Established", status.Neighbors.Single().State);
        Assert.Equal(0u, status.PendingChanges);
        Assert.True(lab.Metrics().Contains($"hostagent_bgp_session_up{{neighbor=\"{BgpLab.TorAddress}\"}} 1", StringComparison.Ordinal), lab.Metrics());
        Assert.Contains(agent.Output.Split('\n'), l => l.Contains("applied start-bgp-daemon", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Start_FromNothing_RunningConfigIsExactlyTheRenderedFileAndDiffIsEmpty()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var agent = BgpAgents.StartAgent(lab, lab.AgentConfig("\"communities\": [\"65101:100\", \"no-export\"], \"gracefulRestart\": true, \"gracefulRestartTime\": \"90s\""));
        // Through vtysh rather than the file: a change applied by the diff must read back as the rendered text too.
        agent.WriteConfig(lab.AgentConfig(
            "\"communities\": [\"65101:200\", \"65101:100\", \"no-export\"], \"gracefulRestart\": true, \"gracefulRestartTime\": \"90s\", \"announce\": [\"10.216.0.0/24\", \"10.217.0.0/25\"]",
            $"[{{ \"address\": \"{BgpLab.TorAddress}\", \"remoteAsn\": {BgpLab.TorAsn}, \"description\": \"tor #1 (rack 7)\", \"bfd\": true }}, {{ \"address\": \"192.168.77.30\", \"remoteAsn\": 4200000001, \"password\": \"s3cr3t!\" }}]"));
        Assert.True(agent.Client.ReloadConfig(new ReloadConfigRequest()).Ok);

        var status = BgpAgents.WaitForBgp(agent, s => s.PendingChanges == 0 && s.Neighbors.Count == 2 && s.LastApply.Result == "success", "the new config is never applied");

        var running = BgpAgents.OwnedRunningConfig(lab.NodeFrr);
        Assert.Equal(BgpAgents.OwnedFileConfig(lab.NodeFrr.ConfigPath), running);
        Assert.Contains("\nbgp route-map delay-timer 0\n", lab.NodeFrr.RunningConfig(), StringComparison.Ordinal);
        var change = BgpConfigDiffer.Diff(DaemonConfig.Parse(File.ReadAllText(lab.NodeFrr.ConfigPath)), DaemonConfig.Parse(lab.NodeFrr.RunningConfig()), BgpFlavor.Frr);
        Assert.True(change.IsEmpty, change.Summary);
        Assert.Contains(" set community 65101:100 65101:200 no-export", running, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", status.ToString(), StringComparison.Ordinal);
    }
}
