using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using HostAgent.Daemon.Metrics;
using HostAgent.Linux.Bgp;
using HostAgent.Linux.Processes;
using Prometheus;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// The BGP component and its adapters, registered only when the config has a "bgp" section. How bgpd is
/// started is decided here: through systemd when the agent's service manager is systemd; otherwise by the
/// agent itself from bgp.startCommand; with neither, a down bgpd is reported but cannot be started.
/// </summary>
public static class BgpServices
{
    /// <summary>The key of the service manager that starts bgpd from bgp.startCommand.</summary>
    public const string ProcessManagerKey = "bgp";

    public static void AddComponent(IServiceCollection services, ConfigHolder holder, CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (holder.Current.Bgp is null)
        {
            return;
        }
        services.AddSingleton(new BgpMetrics(registry));
        services.AddSingleton<IBgpMetrics>(sp => sp.GetRequiredService<BgpMetrics>());
        services.AddSingleton(sp => new BgpWakeups(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDriftSignal>(sp => sp.GetRequiredService<BgpWakeups>());
        services.AddSingleton(sp => new BgpComponent(
            sp.GetRequiredService<IBgpDaemon>(),
            ServiceManagerRegistration.For(sp, ProcessManagerKey),
            sp.GetRequiredService<IKernelNetwork>(),
            sp.GetRequiredService<IBgpDrainStore>(),
            holder,
            sp.GetRequiredService<BgpWakeups>(),
            sp.GetRequiredService<IBgpMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BgpComponent>>()));
        services.AddSingleton<IComponent>(sp => sp.GetRequiredService<BgpComponent>());
    }

    /// <summary>The real adapters: vtysh and the daemon's tools, the drain state file, the liveness watch.</summary>
    public static void AddLinuxAdapters(IServiceCollection services, ConfigHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (holder.Current.Bgp is null)
        {
            return;
        }
        services.AddSingleton<IBgpDaemon>(sp => new VtyBgpDaemon(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBgpDrainStore>(_ => new JsonDrainStore());
        services.AddSingleton<IDriftSignal>(sp => new BgpDaemonWatch(sp.GetRequiredService<IBgpDaemon>(), holder, sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>Where there is no system bus: the agent starts bgpd itself, from bgp.startCommand (read at every start).</summary>
    public static void AddProcessControl(IServiceCollection services, ConfigHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (holder.Current.Bgp is null)
        {
            return;
        }
        services.AddKeyedSingleton<IServiceManager>(ProcessManagerKey, (sp, _) => new ProcessServiceManager(
            unit => holder.Current.Bgp is { } bgp && bgp.ServiceUnit == unit
                ? new ProcessUnit(unit, bgp.StartCommand, bgp.PidFile, "bgpd")
                : null,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ProcessServiceManager>>()));
    }
}
