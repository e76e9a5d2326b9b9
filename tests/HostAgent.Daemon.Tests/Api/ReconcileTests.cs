using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class ReconcileTests
{
    [Fact]
    public async Task Reconcile_Drift_RepairsAndReturnsAppliedActions()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var index = host.BridgeIndex;
        host.Kernel.RemoveAddressDirect(index, TestConfig.Gateway);

        var response = await host.Client.ReconcileAsync(new ReconcileRequest());

        var result = Assert.Single(response.Results);
        Assert.Equal("network", result.Component);
        Assert.True(result.InSync);
        Assert.Equal("", result.Error);
        Assert.Equal("add-address", Assert.Single(result.Applied).Kind);
        Assert.Empty(result.Skipped);
        Assert.True(result.DurationMs >= 0);
        Assert.Equal($"AddAddress {index} {TestConfig.Gateway}", host.Kernel.Calls[^1]);
        Assert.Equal([TestConfig.Gateway], host.Kernel.GetAddresses(index));
        var status = await host.NetworkStatusAsync();
        Assert.True(status.InSync);
        Assert.Equal(2UL, status.DriftCount);
    }

    [Fact]
    public async Task Reconcile_InSync_AppliesNothing()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var callsBefore = host.Kernel.Calls;

        var response = await host.Client.ReconcileAsync(new ReconcileRequest { Components = { "network" } });

        var result = Assert.Single(response.Results);
        Assert.True(result.InSync);
        Assert.Empty(result.Applied);
        Assert.Empty(result.Skipped);
        Assert.Equal(callsBefore, host.Kernel.Calls);
    }

    [Fact]
    public async Task Reconcile_NetworkObserveOnly_ReturnsSkippedAndChangesNothing()
    {
        await using var host = await AgentHost.StartAsync(new AgentHostOptions
        {
            Config = TestConfig.Json(network: "\"observeOnly\": true"),
            Seed = (kernel, _) => kernel.AddLink(TestConfig.Bridge, "bridge", up: true),
        });
        await host.WaitForFirstRunAsync();

        var response = await host.Client.ReconcileAsync(new ReconcileRequest());

        var result = Assert.Single(response.Results);
        Assert.False(result.InSync);
        Assert.Empty(result.Applied);
        Assert.Equal(["add-address", "set-sysctl"], result.Skipped.Select(a => a.Kind));
        Assert.Empty(host.Kernel.Calls);
        Assert.Empty(host.Sysctl.Writes);
        Assert.Empty(host.Kernel.GetAddresses(host.BridgeIndex));
        var status = await host.NetworkStatusAsync();
        Assert.True(status.ObserveOnly);
        Assert.False(status.InSync);
    }
}
