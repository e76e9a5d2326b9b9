using HostAgent.Contracts.V1;
using HostAgent.Core.Syslog;
using HostAgent.Core.Units;
using HostAgent.Daemon.Hosting;
using HostAgent.Daemon.Tests.Support;
using HostAgent.TestFakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HostAgent.Daemon.Tests.Syslog;

/// <summary>The syslog component inside the daemon's real pipeline, with its ports faked.</summary>
public sealed class SyslogComponentHostTests
{
    private const string Socket = "/run/hostagent/syslog/log";

    private static string Config(string syslog) =>
        TestConfig.Json().TrimEnd().TrimEnd('}').TrimEnd() + $",\n  \"syslog\": {{ {syslog} }}\n}}\n";

    private static AgentHostOptions WithFakes(FakeSocketDirectory directory, string syslog = "") => new()
    {
        Config = Config(syslog),
        Services = services =>
        {
            services.AddSingleton<ISocketDirectory>(directory);
            services.AddSingleton<ISyslogCanary>(new FakeSyslogCanary(directory));
            services.AddSingleton<IRsyslog>(new FakeRsyslog());
            services.AddSingleton<ISyslogFiles>(new FakeSyslogFiles());
            var service = new FakeRsyslogService(directory, Socket);
            service.SetUnit("rsyslog.service", "active", "running");
            services.AddKeyedSingleton<IServiceManager>(SyslogServices.ProcessManagerKey, service);
        },
    };

    [Fact]
    public async Task Start_SyslogSection_ComponentReportedAfterNetworkAndInSync()
    {
        await using var host = await AgentHost.StartAsync(WithFakes(new FakeSocketDirectory()));
        await host.WaitForFirstRunAsync();

        var status = await host.Client.GetStatusAsync(new GetStatusRequest());

        Assert.Equal(["network", "syslog"], status.Components.Select(c => c.Name));
        var syslog = status.Components[1];
        Assert.True(syslog.InSync, syslog.LastError);
        Assert.Contains(syslog.Observed, f => f.Name == "socket holder" && f.Value.StartsWith("hostagent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_NoSyslogSection_NoSyslogComponent()
    {
        await using var host = await AgentHost.StartAsync();

        var status = await host.Client.GetStatusAsync(new GetStatusRequest());

        Assert.Equal(["network"], status.Components.Select(c => c.Name));
    }

    [Fact]
    public async Task SocketReplaced_EventMetricAndStatusField()
    {
        var directory = new FakeSocketDirectory();
        await using var host = await AgentHost.StartAsync(WithFakes(directory));
        await host.WaitForFirstRunAsync();
        using var watch = host.Client.Watch(new WatchRequest());
        var headers = await watch.ResponseHeadersAsync;

        directory.PutSocket(Socket);
        await host.Client.ReconcileAsync(new ReconcileRequest { Components = { "syslog" } });

        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        var notice = watch.ResponseStream.Current;
        Assert.Equal(EventKind.Notice, notice.Kind);
        Assert.StartsWith("log socket replaced: inode", notice.Message, StringComparison.Ordinal);
        var metrics = await host.MetricsAsync();
        Assert.Contains("hostagent_syslog_socket_events_total{event=\"replaced\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_syslog_socket_accepting 1", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_syslog_rsyslog_restarts_total 1", metrics, StringComparison.Ordinal);
        var status = await host.Client.GetStatusAsync(new GetStatusRequest { Components = { "syslog" } });
        Assert.Contains(status.Components[0].Observed, f => f.Name == "socket replaced" && f.Value.StartsWith("1 time(s)", StringComparison.Ordinal));
        Assert.NotNull(headers);
    }
}
