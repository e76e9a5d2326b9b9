using Grpc.Net.Client;
using HostAgent.Contracts.V1;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Daemon.Hosting;
using HostAgent.TestFakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler = HostAgent.Core.Reconcile.Reconciler;
using Xunit;

namespace HostAgent.Daemon.Tests.Support;

/// <summary>
/// The daemon's real pipeline (DI, reconcile loop, gRPC, /metrics) on an in-memory server, with the kernel,
/// sysctls and monitor replaced by fakes. Every host has its own config file, fakes and metrics registry,
/// so test classes can run in parallel.
/// </summary>
internal sealed class AgentHost : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private AgentHost(DirectoryInfo directory, string configPath, WebApplication app, FakeKernelNetwork kernel, FakeSysctl sysctl, FakeNetworkMonitor monitor)
    {
        _directory = directory;
        _app = app;
        ConfigPath = configPath;
        Kernel = kernel;
        Sysctl = sysctl;
        Monitor = monitor;
        Server = app.GetTestServer();
        _channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        Client = new Agent.AgentClient(_channel);
    }

    public FakeKernelNetwork Kernel { get; }

    public FakeSysctl Sysctl { get; }

    public FakeNetworkMonitor Monitor { get; }

    public string ConfigPath { get; }

    public TestServer Server { get; }

    public Agent.AgentClient Client { get; }

    public Reconciler Reconciler => _app.Services.GetRequiredService<Reconciler>();

    /// <summary>The index of the link named like the bridge; fails when there is none.</summary>
    public int BridgeIndex => Kernel.GetLink(TestConfig.Bridge)?.Index ?? throw new InvalidOperationException($"no link {TestConfig.Bridge}");

    public static async Task<AgentHost> StartAsync(AgentHostOptions? options = null)
    {
        options ??= new AgentHostOptions();
        var kernel = new FakeKernelNetwork();
        // A stock kernel: forwarding off, so a fresh agent has one sysctl to set.
        var sysctl = new FakeSysctl();
        sysctl.Set(TestConfig.IpForward, "0");
        var monitor = new FakeNetworkMonitor();
        options.Seed?.Invoke(kernel, sysctl);

        var directory = Directory.CreateTempSubdirectory("hostagent-daemon-tests-");
        WebApplication? app = null;
        try
        {
            var configPath = Path.Combine(directory.FullName, "hostagent.json");
            await File.WriteAllTextAsync(configPath, options.Config);
            var loaded = ConfigLoader.LoadFile(configPath, ConfigLoader.ProcessEnvironment());
            Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
            var holder = new ConfigHolder(loaded.Config!, configPath, DateTimeOffset.UtcNow);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory.FullName });
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            var registry = options.DefaultRegistry ? null : Prometheus.Metrics.NewCustomRegistry();
            AgentApp.AddAgent(builder.Services, holder, services =>
            {
                services.AddSingleton<IKernelNetwork>(kernel);
                services.AddSingleton<ISysctl>(sysctl);
                services.AddSingleton<INetworkMonitor>(monitor);
                options.Services?.Invoke(services);
                if (options.Time is { } time)
                {
                    // Registered after AddAgent's system clock, so this one is resolved.
                    services.AddSingleton(time);
                }
            }, registry);
            app = builder.Build();
            AgentApp.MapAgent(app, loaded.Config!.Agent);
            await app.StartAsync();
            return new AgentHost(directory, configPath, app, kernel, sysctl, monitor);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            monitor.Dispose();
            directory.Delete(recursive: true);
            throw;
        }
    }

    public Task WaitForFirstRunAsync() => Reconciler.AllFirstRuns.WaitAsync(Eventually.Timeout);

    public async Task<ComponentStatus> NetworkStatusAsync()
    {
        var status = await Client.GetStatusAsync(new GetStatusRequest());
        return Assert.Single(status.Components);
    }

    /// <summary>Polls the network component's status until <paramref name="done"/> holds.</summary>
    public Task<ComponentStatus> NetworkStatusUntilAsync(Func<ComponentStatus, bool> done, string what) =>
        Eventually.Until(NetworkStatusAsync, done, what);

    /// <summary>Replaces the config file, for the next ReloadConfig to read.</summary>
    public Task WriteConfigAsync(string json) => File.WriteAllTextAsync(ConfigPath, json);

    /// <summary>A client whose requests carry <paramref name="authority"/> as their Host, as if sent to that listener.</summary>
    public HttpClient HttpClientFor(string authority)
    {
        var client = Server.CreateClient();
        client.BaseAddress = new Uri($"http://{authority}/");
        return client;
    }

    public async Task<string> MetricsAsync()
    {
        using var client = HttpClientFor(TestConfig.MetricsListen);
        return await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Monitor.Dispose();
        _directory.Delete(recursive: true);
    }
}
