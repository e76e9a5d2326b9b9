using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class ReloadConfigTests
{
    [Fact]
    public async Task ReloadConfig_NewMtu_AcceptedAndApplied()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var index = host.BridgeIndex;
        await host.WriteConfigAsync(TestConfig.Json(network: "\"mtu\": 9000"));

        var response = await host.Client.ReloadConfigAsync(new ReloadConfigRequest());

        Assert.True(response.Ok);
        Assert.Empty(response.Errors);
        Assert.Contains("network", response.Changed);
        await Eventually.Until(() => host.Kernel.Calls, calls => calls.Contains($"SetMtu {index} 9000"), "SetMtu 9000 on the bridge");
        var status = await host.Client.GetStatusAsync(new GetStatusRequest());
        Assert.True(status.Config.LastReloadOk);
        Assert.Empty(status.Config.LastReloadErrors);
        Assert.NotNull(status.Config.LastReloadAt);
        var network = await host.NetworkStatusUntilAsync(s => s.InSync && s.Desired.Any(f => f.Name == "mtu" && f.Value == "9000"), "in sync at MTU 9000");
        Assert.Contains(network.Observed, f => f.Name == "mtu" && f.Value == "9000");
        Assert.Equal(9000, host.Kernel.GetLink(TestConfig.Bridge)!.Mtu);
    }

    [Fact]
    public async Task ReloadConfig_SameFile_AcceptedWithNothingChanged()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();

        var response = await host.Client.ReloadConfigAsync(new ReloadConfigRequest());

        Assert.True(response.Ok);
        Assert.Empty(response.Changed);
    }

    [Fact]
    public async Task ReloadConfig_InvalidFile_RejectedAndRunningConfigKept()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var callsBefore = host.Kernel.Calls;
        await host.WriteConfigAsync(TestConfig.Json(network: "\"mtu\": 70000, \"bogusKey\": 1"));

        var response = await host.Client.ReloadConfigAsync(new ReloadConfigRequest());

        Assert.False(response.Ok);
        Assert.Empty(response.Changed);
        Assert.Equal(2, response.Errors.Count);
        Assert.Contains(response.Errors, e => e.StartsWith("network.mtu: 70000: ", StringComparison.Ordinal));
        Assert.Contains(response.Errors, e => e.StartsWith("network.bogusKey: ", StringComparison.Ordinal) && e.Contains("unknown key", StringComparison.Ordinal));

        var status = await host.Client.GetStatusAsync(new GetStatusRequest());
        Assert.False(status.Config.LastReloadOk);
        Assert.Equal(response.Errors, status.Config.LastReloadErrors);
        Assert.NotNull(status.Config.LastReloadAt);
        var network = Assert.Single(status.Components);
        Assert.Contains(network.Desired, f => f.Name == "mtu" && f.Value == "1500");
        Assert.Equal(1500, host.Kernel.GetLink(TestConfig.Bridge)!.Mtu);
        Assert.Equal(callsBefore, host.Kernel.Calls);

        var metrics = await host.MetricsAsync();
        Assert.Contains("\nhostagent_config_last_reload_success 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_config_reloads_total{result=\"rejected\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_config_reloads_total{result=\"success\"} 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadConfig_ValidAfterRejected_ClearsRejection()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        await host.WriteConfigAsync("{");
        Assert.False((await host.Client.ReloadConfigAsync(new ReloadConfigRequest())).Ok);
        await host.WriteConfigAsync(TestConfig.Json());

        var response = await host.Client.ReloadConfigAsync(new ReloadConfigRequest());

        Assert.True(response.Ok);
        var status = await host.Client.GetStatusAsync(new GetStatusRequest());
        Assert.True(status.Config.LastReloadOk);
        Assert.Empty(status.Config.LastReloadErrors);
        Assert.Contains("\nhostagent_config_last_reload_success 1\n", await host.MetricsAsync(), StringComparison.Ordinal);
    }
}
