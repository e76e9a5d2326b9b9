using HostAgent.Core.Bgp;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class DaemonConfigTests
{
    [Fact]
    public void Parse_FrrRunningConfig_TreeWithoutCommentsOrExits()
    {
        var config = DaemonConfig.Parse(BgpTestData.Read("full", "frr.conf"));

        Assert.False(config.IsFrr, "the rendered file has no frr version line");
        Assert.Equal(["bgp route-map delay-timer 0", "router bgp 4200000001", "ip prefix-list HOSTAGENT-ANNOUNCE seq 5 permit 10.216.0.0/24",
            "ip prefix-list HOSTAGENT-ANNOUNCE seq 10 permit 10.217.0.0/24", "route-map HOSTAGENT-IN permit 10", "route-map HOSTAGENT-OUT permit 10"],
            config.Nodes.Select(n => n.Line));
        var router = config.Nodes[1];
        Assert.Equal("address-family ipv4 unicast", router.Children[^1].Line);
        Assert.Equal(8, router.Children[^1].Children.Count);
        Assert.DoesNotContain(router.Children, c => c.Line is "!" or "exit-address-family");
    }

    [Fact]
    public void Parse_FrrHeader_IsFrr()
    {
        Assert.True(DaemonConfig.Parse("Building configuration...\n\nCurrent configuration:\n!\nfrr version 8.4.4\nend\n").IsFrr);
        Assert.True(DaemonConfig.Parse("frr defaults traditional\n").IsFrr);
    }

    [Fact]
    public void Parse_CrLfAndTrailingSpaces_Ignored()
    {
        var config = DaemonConfig.Parse("router bgp 1  \r\n neighbor 1.2.3.4 remote-as 2 \r\n");

        Assert.Equal("neighbor 1.2.3.4 remote-as 2", Assert.Single(Assert.Single(config.Nodes).Children).Line);
    }
}
