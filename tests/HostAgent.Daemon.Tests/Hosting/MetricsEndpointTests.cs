using System.Net;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Hosting;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterFirstRun_ExposesAgentSeries()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();

        var metrics = await host.MetricsAsync();

        Assert.Contains("\nhostagent_build_info{version=\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_reconcile_runs_total{component=\"network\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE hostagent_reconcile_duration_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_reconcile_duration_seconds_bucket{component=\"network\",le=\"+Inf\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_reconcile_duration_seconds_count{component=\"network\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_drift_events_total{component=\"network\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_component_in_sync{component=\"network\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_reconcile_failures_total{component=\"network\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_actions_applied_total{component=\"network\",kind=\"add-address\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhostagent_config_last_reload_success 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OutOfSync_InSyncGaugeZero()
    {
        await using var host = await AgentHost.StartAsync(new AgentHostOptions
        {
            Seed = (kernel, _) => kernel.AddLink(TestConfig.Bridge, "veth"),
        });
        await host.WaitForFirstRunAsync();

        var metrics = await host.MetricsAsync();

        Assert.Contains("\nhostagent_component_in_sync{component=\"network\"} 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_DefaultRegistry_IncludesProcessMetrics()
    {
        await using var host = await AgentHost.StartAsync(new AgentHostOptions { DefaultRegistry = true });
        await host.WaitForFirstRunAsync();

        var metrics = await host.MetricsAsync();

        Assert.Contains("\nhostagent_build_info{version=\"", metrics, StringComparison.Ordinal);
        Assert.Contains(
            metrics.Split('\n'),
            line => line.StartsWith("process_", StringComparison.Ordinal) || line.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:80")]
    [InlineData("127.0.0.1:9470")]
    public async Task Metrics_OtherHostOrPort_NotFound(string authority)
    {
        await using var host = await AgentHost.StartAsync();
        using var client = host.HttpClientFor(authority);

        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_OtherHostNameOnMetricsPort_Served()
    {
        await using var host = await AgentHost.StartAsync();
        using var client = host.HttpClientFor("localhost:9469");

        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
