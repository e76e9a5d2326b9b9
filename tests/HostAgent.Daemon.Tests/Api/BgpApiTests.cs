using Grpc.Core;
using HostAgent.Contracts.V1;
using HostAgent.Core.Bgp;
using HostAgent.Core.Units;
using HostAgent.Daemon.Tests.Support;
using HostAgent.TestFakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

/// <summary>GetBgpStatus, Drain and Undrain end to end through gRPC, with bgpd faked.</summary>
public sealed class BgpApiTests
{
    private const string Tor = "192.168.77.1";

    [Fact]
    public async Task BgpCalls_NoBgpSection_FailedPreconditionSayingSo()
    {
        await using var host = await AgentHost.StartAsync();

        var status = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetBgpStatusAsync(new GetBgpStatusRequest()));
        var drain = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.DrainAsync(new DrainRequest()));
        var undrain = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.UndrainAsync(new UndrainRequest()));

        Assert.All([status, drain, undrain], e => Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode));
        Assert.Contains("no \"bgp\" section", status.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBgpStatus_Configured_SessionsAnnouncementsAndComponent()
    {
        var daemon = Daemon();
        await using var host = await StartAsync(daemon);
        await host.WaitForFirstRunAsync();

        var status = await host.Client.GetBgpStatusAsync(new GetBgpStatusRequest());

        Assert.Equal("frr", status.Flavor);
        Assert.Equal(65101u, status.LocalAsn);
        Assert.Equal("192.168.77.2", status.RouterId);
        Assert.True(status.DaemonRunning);
        Assert.True(status.ConfigAccepted);
        Assert.Equal(0u, status.PendingChanges);
        var tor = Assert.Single(status.Neighbors);
        Assert.Equal(Tor, tor.Address);
        Assert.Equal("tor", tor.Description);
        Assert.True(tor.Established);
        Assert.Equal(3UL, tor.PrefixesReceived);
        Assert.Equal(["10.216.0.0/24"], tor.Advertised);
        Assert.Equal(["10.216.0.0/24"], status.Announceable);
        Assert.Equal("active", status.Drain.Phase);
        Assert.Equal("bgp", status.Component.Name);
        Assert.True(status.Component.InSync, status.Component.ToString());

        var all = await host.Client.GetStatusAsync(new GetStatusRequest());
        Assert.Equal(["network", "bgp"], all.Components.Select(c => c.Name));
    }

    [Theory]
    [InlineData("192.168.77.", "neighbors[0]: \"192.168.77.\" is not an IPv4 address such as 192.168.77.1")]
    [InlineData("192.168.77.9", "neighbors[0]: 192.168.77.9 is not a configured neighbor; configured: 192.168.77.1")]
    public async Task GetBgpStatus_BadNeighbor_InvalidArgumentNamingTheField(string neighbor, string detail)
    {
        await using var host = await StartAsync(Daemon());

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetBgpStatusAsync(new GetBgpStatusRequest { Neighbors = { neighbor } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task Drain_BadDelay_InvalidArgumentNamingTheField()
    {
        await using var host = await StartAsync(Daemon());

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.DrainAsync(new DrainRequest { WithdrawDelay = "soon" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("withdraw_delay: \"soon\": must be a positive duration", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainThenUndrain_Applied_CommunityThenBack()
    {
        var daemon = Daemon();
        await using var host = await StartAsync(daemon);
        await host.WaitForFirstRunAsync();

        var drained = await host.Client.DrainAsync(new DrainRequest { WithdrawDelay = "1h" });

        Assert.True(drained.Drain.Drained);
        Assert.Equal("shutdown", drained.Drain.Phase);
        Assert.NotNull(drained.Drain.WithdrawAt);
        Assert.True(drained.Result.InSync, drained.Result.Error);
        Assert.Contains(drained.Result.Applied, a => a.Description.Contains("set community graceful-shutdown", StringComparison.Ordinal));
        Assert.Contains("graceful-shutdown", daemon.RunningConfig(), StringComparison.Ordinal);
        Assert.Contains("hostagent_bgp_drained 1", await host.MetricsAsync(), StringComparison.Ordinal);

        var undrained = await host.Client.UndrainAsync(new UndrainRequest());

        Assert.False(undrained.Drain.Drained);
        Assert.True(undrained.Result.InSync, undrained.Result.Error);
        Assert.DoesNotContain("graceful-shutdown", daemon.RunningConfig(), StringComparison.Ordinal);
        var metrics = await host.MetricsAsync();
        Assert.Contains("hostagent_bgp_drained 0", metrics, StringComparison.Ordinal);
        Assert.Contains($"hostagent_bgp_session_up{{neighbor=\"{Tor}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_bgp_applies_total{result=\"success\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_bgp_daemon_up 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BgpDrift_ShowsTheConfigChange()
    {
        var daemon = Daemon();
        await using var host = await StartAsync(daemon);
        await host.WaitForFirstRunAsync();
        daemon.Load(daemon.RunningConfig().Replace(" neighbor 192.168.77.1 description tor\n", "", StringComparison.Ordinal));

        var plan = await host.Client.PlanAsync(new PlanRequest { Components = { "bgp" } });

        var action = Assert.Single(Assert.Single(plan.Plans).Actions);
        Assert.Equal("apply-bgp-config", action.Kind);
        Assert.Contains("+ neighbor 192.168.77.1 description tor", action.Description, StringComparison.Ordinal);
    }

    private static FakeBgpDaemon Daemon()
    {
        var daemon = new FakeBgpDaemon { Running = false };
        daemon.Sessions[Tor] = new BgpSession(Tor, 65000, "Established", TimeSpan.FromMinutes(5), 3, 1, 1, "tor");
        daemon.LocalRoutes.Add(Core.Networking.Ipv4Cidr.Parse("10.216.0.0/24"));
        return daemon;
    }

    private static Task<AgentHost> StartAsync(FakeBgpDaemon daemon) => AgentHost.StartAsync(new AgentHostOptions
    {
        Config = TestConfig.Json().TrimEnd().TrimEnd('}') + """
            ,
              "bgp": {
                "localAsn": 65101,
                "routerId": "192.168.77.2",
                "neighbors": [ { "address": "192.168.77.1", "remoteAsn": 65000, "description": "tor" } ],
                "sessionPollInterval": "1h"
              }
            }
            """,
        Services = services =>
        {
            services.AddSingleton<IBgpDaemon>(daemon);
            services.AddSingleton<IBgpDrainStore>(new FakeDrainStore());
            services.AddSingleton<IServiceManager>(daemon.ServiceManager);
        },
    });
}
