using Grpc.Core;
using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class GetStatusTests
{
    [Fact]
    public async Task GetStatus_AfterFirstRun_ReportsNetworkInSyncWithAgentAndConfig()
    {
        var before = DateTimeOffset.UtcNow;
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();

        var status = await host.Client.GetStatusAsync(new GetStatusRequest());

        Assert.False(string.IsNullOrEmpty(status.Agent.Version));
        Assert.Equal(Environment.MachineName, status.Agent.Hostname);
        Assert.NotNull(status.Agent.StartedAt);
        Assert.InRange(status.Agent.StartedAt.ToDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.False(status.Agent.ObserveOnly);
        Assert.Equal(host.ConfigPath, status.Config.Path);
        Assert.NotNull(status.Config.LoadedAt);
        Assert.True(status.Config.LastReloadOk);
        Assert.Empty(status.Config.LastReloadErrors);
        Assert.Null(status.Config.LastReloadAt);

        var network = Assert.Single(status.Components);
        Assert.Equal("network", network.Name);
        Assert.True(network.InSync, network.ToString());
        Assert.False(network.ObserveOnly);
        Assert.True(network.Runs >= 1);
        Assert.Equal(0UL, network.Failures);
        Assert.Equal("", network.LastError);
        Assert.NotNull(network.LastRun);
        Assert.NotNull(network.LastChange);
        Assert.Equal(1UL, network.DriftCount);
        Assert.Contains(network.Desired, f => f.Name == "bridge" && f.Value == TestConfig.Bridge);
        Assert.Contains(network.Desired, f => f.Name == "gateway" && f.Value == TestConfig.Gateway.ToString());
        Assert.Contains(network.Desired, f => f.Name == "mtu" && f.Value == "1500");
        Assert.Contains(network.Observed, f => f.Name == "kind" && f.Value == "bridge");
        Assert.Contains(network.Observed, f => f.Name == "addresses" && f.Value == TestConfig.Gateway.ToString());
        Assert.Contains(network.Observed, f => f.Name == $"sysctl {TestConfig.IpForward}" && f.Value == "1");
    }

    [Fact]
    public async Task GetStatus_AfterFirstRun_FakeHasBridgeUpWithGatewayAddress()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();

        var link = host.Kernel.GetLink(TestConfig.Bridge);

        Assert.NotNull(link);
        Assert.Equal("bridge", link.Kind);
        Assert.True(link.AdminUp);
        Assert.Equal(1500, link.Mtu);
        Assert.Equal([TestConfig.Gateway], host.Kernel.GetAddresses(link.Index));
        Assert.Equal(
            [$"CreateBridge {TestConfig.Bridge} 1500", $"SetLinkUp {link.Index}", $"AddAddress {link.Index} {TestConfig.Gateway}"],
            host.Kernel.Calls);
        Assert.Equal([$"{TestConfig.IpForward}=1"], host.Sysctl.Writes);
    }

    [Fact]
    public async Task GetStatus_UnknownComponent_InvalidArgumentNamingIt()
    {
        await using var host = await AgentHost.StartAsync();
        var request = new GetStatusRequest { Components = { "bogus" } };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetStatusAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("components[0]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("bogus", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_NamedComponent_ReportsOnlyThatComponent()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();

        var status = await host.Client.GetStatusAsync(new GetStatusRequest { Components = { "network" } });

        Assert.Equal("network", Assert.Single(status.Components).Name);
    }
}
