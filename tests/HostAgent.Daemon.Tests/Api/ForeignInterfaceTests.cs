using HostAgent.Contracts.V1;
using HostAgent.Core.Networking;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

/// <summary>An interface that has the bridge's name but is not a bridge belongs to someone else.</summary>
public sealed class ForeignInterfaceTests
{
    [Fact]
    public async Task Start_VethNamedLikeBridge_ReportsConflictAndLeavesLinkUntouched()
    {
        var vethIndex = 0;
        await using var host = await AgentHost.StartAsync(new AgentHostOptions
        {
            Seed = (kernel, sysctl) =>
            {
                vethIndex = kernel.AddLink(TestConfig.Bridge, "veth", up: true, mtu: 1400);
                sysctl.Set(TestConfig.IpForward, "1");
            },
        });
        await host.WaitForFirstRunAsync();

        var network = await host.NetworkStatusAsync();
        var plan = await host.Client.PlanAsync(new PlanRequest());
        var reconcile = await host.Client.ReconcileAsync(new ReconcileRequest());

        Assert.False(network.InSync);
        Assert.Contains(network.Findings, f => f.Contains("not a bridge", StringComparison.Ordinal));
        Assert.Empty(network.LastPlan);
        Assert.Equal("", network.LastError);
        Assert.False(Assert.Single(plan.Plans).InSync);
        Assert.Empty(Assert.Single(plan.Plans).Actions);
        Assert.False(Assert.Single(reconcile.Results).InSync);
        Assert.Empty(host.Kernel.Calls);
        var link = host.Kernel.GetLink(TestConfig.Bridge);
        Assert.Equal(new LinkInfo(vethIndex, TestConfig.Bridge, "veth", true, true, 1400), link);
        Assert.Empty(host.Kernel.GetAddresses(vethIndex));
    }
}
