using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

/// <summary>An agent installed on a node whose bridge was made by hand must take it over without a single change.</summary>
public sealed class AdoptionTests
{
    [Fact]
    public async Task Start_ObserveOnlyOnMatchingHandMadeBridge_InSyncWithoutAnyChange()
    {
        await using var host = await AgentHost.StartAsync(new AgentHostOptions
        {
            Config = TestConfig.Json(agent: "\"observeOnly\": true"),
            Seed = (kernel, sysctl) =>
            {
                var index = kernel.AddLink(TestConfig.Bridge, "bridge", up: true, mtu: 1500);
                kernel.AddAddressDirect(index, TestConfig.Gateway);
                sysctl.Set(TestConfig.IpForward, "1");
            },
        });
        await host.WaitForFirstRunAsync();

        var status = await host.Client.GetStatusAsync(new GetStatusRequest());
        var plan = await host.Client.PlanAsync(new PlanRequest());

        Assert.True(status.Agent.ObserveOnly);
        var network = Assert.Single(status.Components);
        Assert.True(network.InSync, network.ToString());
        Assert.True(network.ObserveOnly);
        Assert.Equal(0UL, network.DriftCount);
        Assert.Null(network.LastChange);
        Assert.True(Assert.Single(plan.Plans).InSync);
        Assert.Empty(host.Kernel.Calls);
        Assert.Empty(host.Sysctl.Writes);
    }
}
