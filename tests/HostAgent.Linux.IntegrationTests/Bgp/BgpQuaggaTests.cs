using HostAgent.Contracts.V1;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>
/// The Quagga flavour, with FRR's bgpd standing in for Quagga's (Debian 12 has no quagga package; FRR reads
/// the same per-daemon bgpd.conf): the rendered file is accepted by "bgpd -C" and run by "bgpd -f", and
/// changes go to bgpd's vty socket at the router level followed by write memory, which bgpd saves to bgpd.conf.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BgpQuaggaTests
{
    [SkippableFact]
    public void Quagga_RenderedBgpdConf_AcceptedAndRunByBgpd()
    {
        BgpAgents.RequireLab();
        using var lab = new BgpLab();
        var file = Path.Combine(lab.NodeFrr.Directory, "bgpd.conf");
        // vtysh reads its vtysh.conf from here; with no frr.conf beside it, write memory saves per daemon (bgpd.conf).
        var config = lab.AgentConfig($"\"bgpdPath\": \"/usr/lib/frr/bgpd\", \"vtyshConfigDir\": \"{lab.NodeFrr.Directory}\", \"communities\": [\"65101:7\"]", flavor: "quagga", configFile: file);

        var agent = BgpAgents.StartAgent(lab, config);

        BgpAgents.WaitForTorRoute(lab, agent);
        var rendered = File.ReadAllText(file);
        Assert.StartsWith("! Written by hostagent", rendered, StringComparison.Ordinal);
        Assert.Contains(" bgp network import-check", rendered, StringComparison.Ordinal);
        Assert.Contains(" network 10.216.0.0/24", rendered, StringComparison.Ordinal);
        var check = lab.Node.Exec("/usr/lib/frr/bgpd", "-C", "-f", file);
        Assert.DoesNotContain("config line", check.StdOut + check.StdErr, StringComparison.Ordinal);
        Assert.True(Lab.WaitUntil(() => lab.TorFrr.Communities(BgpLab.PodCidr) is ["65101:7"], TimeSpan.FromSeconds(10)));
        var status = agent.Bgp();
        Assert.Equal("quagga", status.Flavor);
        Assert.Equal(0u, status.PendingChanges);
        Assert.True(status.Component.InSync, string.Join("; ", status.Component.Findings));

        agent.WriteConfig(config.Replace("\"description\": \"tor\"", "\"description\": \"tor renamed\"", StringComparison.Ordinal));
        Assert.True(agent.Client.ReloadConfig(new ReloadConfigRequest()).Ok);
        BgpAgents.WaitForBgp(agent, s => s.LastApply.Result == "success" && s.PendingChanges == 0, "the change is never applied");

        Assert.Contains("neighbor 192.168.77.1 description tor renamed", lab.NodeFrr.RunningConfig(), StringComparison.Ordinal);
        Assert.True(Lab.WaitUntil(() => File.ReadAllText(file).Contains("description tor renamed", StringComparison.Ordinal), TimeSpan.FromSeconds(5)),
            "write memory never saved bgpd.conf:\n" + File.ReadAllText(file));
        Assert.True(lab.NodeFrr.Established(BgpLab.TorAddress));
    }
}
