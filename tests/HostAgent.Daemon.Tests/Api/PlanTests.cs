using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class PlanTests
{
    [Fact]
    public async Task Plan_AddressRemovedAndLinkDown_ListsActionsAndChangesNothing()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var index = host.BridgeIndex;
        host.Kernel.RemoveAddressDirect(index, TestConfig.Gateway);
        host.Kernel.SetLinkState(index, adminUp: false);
        var callsBefore = host.Kernel.Calls;
        var writesBefore = host.Sysctl.Writes;

        var response = await host.Client.PlanAsync(new PlanRequest());

        var plan = Assert.Single(response.Plans);
        Assert.Equal("network", plan.Component);
        Assert.False(plan.InSync);
        Assert.Equal("", plan.Error);
        Assert.Equal(["set-link-up", "add-address"], plan.Actions.Select(a => a.Kind));
        Assert.Contains(TestConfig.Gateway.ToString(), plan.Actions[1].Description, StringComparison.Ordinal);
        Assert.Equal(callsBefore, host.Kernel.Calls);
        Assert.Equal(writesBefore, host.Sysctl.Writes);
        Assert.Empty(host.Kernel.GetAddresses(index));
        Assert.False(host.Kernel.GetLink(TestConfig.Bridge)!.AdminUp);
    }

    [Fact]
    public async Task Plan_InSync_NoActions()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var callsBefore = host.Kernel.Calls;

        var response = await host.Client.PlanAsync(new PlanRequest { Components = { "network" } });

        var plan = Assert.Single(response.Plans);
        Assert.True(plan.InSync);
        Assert.Empty(plan.Actions);
        Assert.Empty(plan.Findings);
        Assert.Equal(callsBefore, host.Kernel.Calls);
    }

    [Fact]
    public async Task Plan_Drift_DoesNotTouchStatus()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var before = await host.NetworkStatusAsync();
        host.Kernel.RemoveAddressDirect(host.BridgeIndex, TestConfig.Gateway);

        await host.Client.PlanAsync(new PlanRequest());

        var after = await host.NetworkStatusAsync();
        Assert.True(after.InSync);
        Assert.Equal(before.Runs, after.Runs);
        Assert.Equal(before.DriftCount, after.DriftCount);
    }
}
