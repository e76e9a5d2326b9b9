using Grpc.Core;
using HostAgent.Contracts.V1;
using HostAgent.Core.Networking;
using HostAgent.Daemon.Tests.Support;
using HostAgent.Linux.Interop;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class WatchTests
{
    [Fact]
    public async Task Watch_AddressDeletedEvent_StreamsDriftThenActionApplied()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var index = host.BridgeIndex;
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = host.Client.Watch(new WatchRequest { Components = { "network" } }, cancellationToken: timeout.Token);
        await call.ResponseHeadersAsync;

        host.Kernel.RemoveAddressDirect(index, TestConfig.Gateway);
        host.Monitor.Raise(NetworkEventKind.AddressDeleted, index, address: TestConfig.Gateway);

        var events = await ReadUntilAsync(call.ResponseStream, EventKind.ActionApplied, timeout.Token);
        Assert.Equal([EventKind.DriftDetected, EventKind.ActionApplied], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("network", e.Component));
        Assert.All(events, e => Assert.NotNull(e.Time));
        Assert.Equal("add-address", Assert.Single(events[0].Actions).Kind);
        Assert.Equal($"add address {TestConfig.Gateway} to {TestConfig.Bridge}", events[1].Message);
        var status = await host.NetworkStatusUntilAsync(s => s.Runs >= 2, "the repair run recorded");
        Assert.True(status.InSync);
        Assert.Equal([TestConfig.Gateway], host.Kernel.GetAddresses(index));
    }

    [Fact]
    public async Task Watch_AddressDeletedEvent_StreamsDriftActionAndInSync()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        var index = host.BridgeIndex;
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = host.Client.Watch(new WatchRequest { Components = { "network" } }, cancellationToken: timeout.Token);
        await call.ResponseHeadersAsync;

        host.Kernel.RemoveAddressDirect(index, TestConfig.Gateway);
        host.Monitor.Raise(NetworkEventKind.AddressDeleted, index, address: TestConfig.Gateway);

        var events = await ReadUntilAsync(call.ResponseStream, EventKind.InSync, timeout.Token);
        Assert.Equal([EventKind.DriftDetected, EventKind.ActionApplied, EventKind.InSync], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("network", e.Component));
    }

    [Fact]
    public async Task Watch_RepairFailsOnceThenRetried_StreamsDriftErrorActionAndInSync()
    {
        await using var host = await AgentHost.StartAsync(new AgentHostOptions { Config = TestConfig.Json(agent: "\"retryMinDelay\": \"50ms\"") });
        await host.WaitForFirstRunAsync();
        var index = host.BridgeIndex;
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = host.Client.Watch(new WatchRequest(), cancellationToken: timeout.Token);
        await call.ResponseHeadersAsync;

        host.Kernel.RemoveAddressDirect(index, TestConfig.Gateway);
        host.Kernel.FailNext("AddAddress", Errno.EPERM);
        host.Monitor.Raise(NetworkEventKind.AddressDeleted, index, address: TestConfig.Gateway);

        var events = await ReadUntilAsync(call.ResponseStream, EventKind.InSync, timeout.Token);
        Assert.Equal([EventKind.DriftDetected, EventKind.Error, EventKind.ActionApplied, EventKind.InSync], events.Select(e => e.Kind));
        Assert.Contains("Operation not permitted", events[1].Message, StringComparison.Ordinal);
        Assert.Equal("add-address", Assert.Single(events[3].Actions).Kind);
    }

    [Fact]
    public async Task Watch_ConfigReload_StreamsAgentWideEvent()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = host.Client.Watch(new WatchRequest(), cancellationToken: timeout.Token);
        await call.ResponseHeadersAsync;

        await host.Client.ReloadConfigAsync(new ReloadConfigRequest());

        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(EventKind.ConfigReloaded, call.ResponseStream.Current.Kind);
        Assert.Equal("", call.ResponseStream.Current.Component);
    }

    [Fact]
    public async Task Watch_UnknownComponent_InvalidArgument()
    {
        await using var host = await AgentHost.StartAsync();
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = host.Client.Watch(new WatchRequest { Components = { "network", "bogus" } }, cancellationToken: timeout.Token);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(timeout.Token));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("components[1]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("bogus", error.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>Reads events up to and including the first of <paramref name="last"/>.</summary>
    private static async Task<List<Event>> ReadUntilAsync(IAsyncStreamReader<Event> stream, EventKind last, CancellationToken cancellationToken)
    {
        var events = new List<Event>();
        await foreach (var agentEvent in stream.ReadAllAsync(cancellationToken))
        {
            events.Add(agentEvent);
            if (agentEvent.Kind == last)
            {
                break;
            }
        }
        return events;
    }
}
