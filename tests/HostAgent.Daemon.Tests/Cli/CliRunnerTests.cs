using System.Text.Json;
using HostAgent.Cli;
using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Cli;

public sealed class CliRunnerTests : IDisposable
{
    private const string Socket = "/run/hostagent/test.sock";

    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public async Task Status_InSyncAgent_PrintsInSyncAndExitsZero()
    {
        await using var host = await StartedAsync();

        var exit = await RunAsync(host, "status");

        Assert.Equal(CliRunner.ExitOk, exit);
        var text = _output.ToString();
        Assert.Contains("network: in sync", text, StringComparison.Ordinal);
        Assert.Contains($"config {host.ConfigPath}, loaded ", text, StringComparison.Ordinal);
        Assert.Contains(TestConfig.Gateway.ToString(), text, StringComparison.Ordinal);
        Assert.Equal("", _errors.ToString());
    }

    [Fact]
    public async Task Plan_InSync_ExitsZero()
    {
        await using var host = await StartedAsync();

        var exit = await RunAsync(host, "plan");

        Assert.Equal(CliRunner.ExitOk, exit);
        Assert.Contains("network: nothing to do", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Drift_ListsActionsAndExitsThree()
    {
        await using var host = await StartedAsync();
        host.Kernel.RemoveAddressDirect(host.BridgeIndex, TestConfig.Gateway);

        var exit = await RunAsync(host, "plan", "network");

        Assert.Equal(CliRunner.ExitNotInSync, exit);
        var text = _output.ToString();
        Assert.Contains("network: 1 action(s)", text, StringComparison.Ordinal);
        Assert.Contains($"1. add address {TestConfig.Gateway} to {TestConfig.Bridge}", text, StringComparison.Ordinal);
        Assert.Empty(host.Kernel.GetAddresses(host.BridgeIndex));
    }

    [Fact]
    public async Task Reconcile_Drift_PrintsAppliedAndExitsZero()
    {
        await using var host = await StartedAsync();
        host.Kernel.RemoveAddressDirect(host.BridgeIndex, TestConfig.Gateway);

        var exit = await RunAsync(host, "reconcile");

        Assert.Equal(CliRunner.ExitOk, exit);
        var text = _output.ToString();
        Assert.Contains("network: in sync (", text, StringComparison.Ordinal);
        Assert.Contains($"applied: add address {TestConfig.Gateway} to {TestConfig.Bridge}", text, StringComparison.Ordinal);
        Assert.Equal([TestConfig.Gateway], host.Kernel.GetAddresses(host.BridgeIndex));
    }

    [Fact]
    public async Task Reconcile_ObserveOnly_PrintsNotAppliedAndExitsThree()
    {
        await using var host = await StartedAsync(new AgentHostOptions { Config = TestConfig.Json(agent: "\"observeOnly\": true") });

        var exit = await RunAsync(host, "reconcile");

        Assert.Equal(CliRunner.ExitNotInSync, exit);
        Assert.Contains($"not applied (observe-only): create bridge {TestConfig.Bridge}", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Kernel.Calls);
    }

    [Fact]
    public async Task Reload_Accepted_PrintsChangedAndExitsZero()
    {
        await using var host = await StartedAsync();
        await host.WriteConfigAsync(TestConfig.Json(network: "\"mtu\": 9000"));

        var exit = await RunAsync(host, "reload");

        Assert.Equal(CliRunner.ExitOk, exit);
        Assert.Equal($"config reloaded; changed: network{Environment.NewLine}", _output.ToString());
    }

    [Fact]
    public async Task Reload_Rejected_PrintsErrorsToErrorWriterAndExitsOne()
    {
        await using var host = await StartedAsync();
        await host.WriteConfigAsync(TestConfig.Json(network: "\"mtu\": 70000"));

        var exit = await RunAsync(host, "reload");

        Assert.Equal(CliRunner.ExitFailed, exit);
        Assert.Equal("", _output.ToString());
        var lines = _errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("config rejected; the running config stays in force:", lines[0]);
        Assert.StartsWith("  network.mtu: 70000: ", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task Status_Json_ParsesAsJson()
    {
        await using var host = await StartedAsync();

        var exit = await RunAsync(host, "--json", "status");

        Assert.Equal(CliRunner.ExitOk, exit);
        using var document = JsonDocument.Parse(_output.ToString());
        var network = Assert.Single(document.RootElement.GetProperty("components").EnumerateArray());
        Assert.Equal("network", network.GetProperty("name").GetString());
        Assert.True(network.GetProperty("inSync").GetBoolean());
        Assert.Equal(host.ConfigPath, document.RootElement.GetProperty("config").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Plan_JsonWithDrift_ParsesAsJsonAndExitsThree()
    {
        await using var host = await StartedAsync();
        host.Kernel.RemoveAddressDirect(host.BridgeIndex, TestConfig.Gateway);

        var exit = await RunAsync(host, "--json", "plan");

        Assert.Equal(CliRunner.ExitNotInSync, exit);
        using var document = JsonDocument.Parse(_output.ToString());
        var plan = Assert.Single(document.RootElement.GetProperty("plans").EnumerateArray());
        Assert.Equal("add-address", Assert.Single(plan.GetProperty("actions").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Reload_JsonRejected_JsonOnOutputAndExitsOne()
    {
        await using var host = await StartedAsync();
        await host.WriteConfigAsync("{}");

        var exit = await RunAsync(host, "--json", "reload");

        Assert.Equal(CliRunner.ExitFailed, exit);
        using var document = JsonDocument.Parse(_output.ToString());
        var error = Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("network.podCidr: required", error.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownComponent_ExitsOneWithServerMessage()
    {
        await using var host = await StartedAsync();

        var exit = await RunAsync(host, "status", "bogus");

        Assert.Equal(CliRunner.ExitFailed, exit);
        Assert.StartsWith("hostagentctl: InvalidArgument: components[0]: unknown component \"bogus\"", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_ConfigReloaded_PrintsEventAndExitsZeroOnCancel()
    {
        await using var host = await StartedAsync();
        using var output = new LockedStringWriter();
        using var cancel = new CancellationTokenSource();
        var options = Parse("watch");

        var watch = CliRunner.RunAsync(options, host.Client, output, _errors, cancel.Token);
        await Eventually.Until(() => host.Reconciler.Events.SubscriberCount, n => n > 0, "the watch subscribed");
        await host.Client.ReloadConfigAsync(new ReloadConfigRequest());
        await Eventually.Until(() => output.Text, text => text.Contains("ConfigReloaded", StringComparison.Ordinal), "the reload event printed");
        await cancel.CancelAsync();

        Assert.Equal(CliRunner.ExitOk, await watch.WaitAsync(Eventually.Timeout));
        Assert.Contains($"{host.ConfigPath} reloaded", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoAgentListening_ExitsOneSayingUnreachable()
    {
        using var directory = new TempDirectory();
        var socket = Path.Combine(directory.Path, "absent.sock");
        var options = Parse("--socket", socket, "status");
        var (client, channel) = AgentClient.Connect(socket);
        using (channel)
        {
            var exit = await CliRunner.RunAsync(options, client, _output, _errors, CancellationToken.None);

            Assert.Equal(CliRunner.ExitFailed, exit);
            Assert.StartsWith($"hostagentctl: cannot reach the agent at {socket}", _errors.ToString(), StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
    }

    private static async Task<AgentHost> StartedAsync(AgentHostOptions? options = null)
    {
        var host = await AgentHost.StartAsync(options);
        await host.WaitForFirstRunAsync();
        return host;
    }

    private Task<int> RunAsync(AgentHost host, params string[] args) =>
        CliRunner.RunAsync(Parse(args), host.Client, _output, _errors, CancellationToken.None);

    private static CliOptions Parse(params string[] args)
    {
        // An explicit socket, so the result does not depend on HOSTAGENT_SOCKET.
        var ok = CliOptions.TryParse(args.Contains("--socket") ? args : ["--socket", Socket, .. args], out var options, out var error);
        Assert.True(ok, error);
        return options!;
    }
}
