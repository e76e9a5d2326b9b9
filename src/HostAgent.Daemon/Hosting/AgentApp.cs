using System.Net;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using HostAgent.Daemon.Grpc;
using HostAgent.Daemon.Metrics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;

namespace HostAgent.Daemon.Hosting;

/// <summary>Builds the agent's host: gRPC on the unix socket, /metrics on TCP, the reconcile loops.</summary>
public static class AgentApp
{
    /// <summary>
    /// Registers everything but the OS adapters, which <paramref name="addAdapters"/> supplies:
    /// the real rtnetlink/sysctl ones in the daemon, fakes in tests.
    /// </summary>
    /// <param name="registry">
    /// Where the metrics go; the default registry (with the process metrics) unless given. Hosts that
    /// share a process, such as tests running in parallel, each pass their own.
    /// </param>
    public static void AddAgent(
        IServiceCollection services, ConfigHolder holder, Action<IServiceCollection> addAdapters, CollectorRegistry? registry = null)
    {
        var identity = AgentIdentity.ForThisProcess(DateTimeOffset.UtcNow);
        registry ??= Prometheus.Metrics.DefaultRegistry;
        services.AddSingleton(holder);
        services.AddSingleton(identity);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new AgentMetrics(registry, identity.Version));
        services.AddSingleton<IReconcileMetrics>(sp => sp.GetRequiredService<AgentMetrics>());
        services.AddSingleton<EventHub>();
        services.AddSingleton(new UnitMetrics(registry));
        services.AddSingleton<IUnitMetrics>(sp => sp.GetRequiredService<UnitMetrics>());
        services.AddSingleton<UnitTracker>();
        addAdapters(services);
        // Without $NOTIFY_SOCKET (a terminal, a test) there is nobody to tell.
        services.TryAddSingleton<IServiceNotifier>(NullServiceNotifier.Instance);
        // Components run, and are reported, in registration order.
        services.AddSingleton<NetworkComponent>();
        services.AddSingleton<IComponent>(sp => sp.GetRequiredService<NetworkComponent>());
        SyslogServices.AddComponent(services, holder, registry);
        BgpServices.AddComponent(services, holder, registry);
        services.AddSingleton<Reconciler>(sp =>
        {
            var reconciler = new Reconciler(
                sp.GetServices<IComponent>(),
                holder,
                sp.GetRequiredService<EventHub>(),
                sp.GetRequiredService<IReconcileMetrics>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
            sp.GetRequiredService<AgentMetrics>().Initialize(reconciler.Names);
            return reconciler;
        });
        services.AddSingleton(sp => new ConfigReloader(
            holder,
            sp.GetRequiredService<Reconciler>(),
            sp.GetRequiredService<AgentMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConfigReloader>>(),
            ConfigLoader.ProcessEnvironment));
        services.AddHostedService<ReconcilerService>();
        services.AddSingleton<ServiceNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<ServiceNotifications>());
        services.AddHostedService<UnitFollowerService>();
        services.AddGrpc();
        // Descriptor-based reflection: the ASP.NET Core variant discovers services by reflection and is not trim-safe.
        services.AddSingleton(new ReflectionServiceImpl(
            HostAgent.Contracts.V1.Agent.Descriptor,
            global::Grpc.Health.V1.Health.Descriptor,
            ServerReflection.Descriptor));
        services.AddGrpcHealthChecks()
            .AddCheck("reconcile", () => HealthCheckResult.Healthy());
    }

    /// <summary>Maps the endpoints; /metrics answers only on the metrics port, never on the gRPC socket.</summary>
    public static void MapAgent(WebApplication app, AgentSettings agent)
    {
        app.MapGrpcService<AgentService>();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcHealthChecksService();
        if (TryParseListen(agent.MetricsListen, out _, out var port))
        {
            var registry = app.Services.GetRequiredService<AgentMetrics>().Registry;
            app.MapMetrics("/metrics", registry).RequireHost($"*:{port}");
        }
    }

    public static void ConfigureKestrel(KestrelServerOptions kestrel, AgentSettings agent)
    {
        kestrel.ListenUnixSocket(agent.GrpcSocket, o => o.Protocols = HttpProtocols.Http2);
        if (TryParseListen(agent.MetricsListen, out var address, out var port))
        {
            kestrel.Listen(address, port, o => o.Protocols = HttpProtocols.Http1);
        }
    }

    /// <summary>Parses "host:port" as validated by the config loader; false when metrics are disabled.</summary>
    public static bool TryParseListen(string listen, out IPAddress address, out int port)
    {
        address = IPAddress.Loopback;
        port = 0;
        if (string.IsNullOrEmpty(listen))
        {
            return false;
        }
        var colon = listen.LastIndexOf(':');
        var host = listen[..colon].Trim('[', ']');
        port = int.Parse(listen[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        address = host switch
        {
            "*" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ => IPAddress.Parse(host),
        };
        return true;
    }
}
