using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class HealthAndReflectionTests
{
    [Fact]
    public async Task HealthCheck_RunningAgent_Serving()
    {
        await using var host = await AgentHost.StartAsync();
        using var channel = Channel(host);
        var client = new Health.HealthClient(channel);

        var response = await client.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesAgentService()
    {
        await using var host = await AgentHost.StartAsync();
        using var channel = Channel(host);
        var client = new ServerReflection.ServerReflectionClient(channel);
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = client.ServerReflectionInfo(cancellationToken: timeout.Token);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("hostagent.v1.Agent", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    private static GrpcChannel Channel(AgentHost host) =>
        GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
}
