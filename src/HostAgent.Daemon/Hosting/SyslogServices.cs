using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Syslog;
using HostAgent.Core.Units;
using HostAgent.Daemon.Metrics;
using HostAgent.Linux.Syslog;
using Prometheus;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// The syslog component and its adapters. Registered only when the config has a "syslog" section; how rsyslog
/// is restarted is decided here: through systemd where the agent has it, else by the agent's own process
/// manager when syslog.startCommand is set, else not at all.
/// </summary>
public static class SyslogServices
{
    /// <summary>The key of the service manager that runs rsyslogd itself (syslog.startCommand).</summary>
    public const string ProcessManagerKey = "syslog";

    public static void AddComponent(IServiceCollection services, ConfigHolder holder, CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (holder.Current.Syslog is null)
        {
            return;
        }
        services.AddSingleton(sp => new SyslogMetrics(
            registry, sp.GetRequiredService<EventHub>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SyslogMetrics>>()));
        services.AddSingleton<ISyslogReporter>(sp => sp.GetRequiredService<SyslogMetrics>());
        services.AddSingleton(sp => new SyslogComponent(
            holder,
            sp.GetRequiredService<ISocketDirectory>(),
            sp.GetRequiredService<ISyslogCanary>(),
            sp.GetRequiredService<IRsyslog>(),
            sp.GetRequiredService<ISyslogFiles>(),
            sp.GetService<ISystemdUnitFiles>(),
            ServiceManagerRegistration.For(sp, ProcessManagerKey),
            sp.GetRequiredService<ISyslogReporter>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IComponent>(sp => sp.GetRequiredService<SyslogComponent>());
        services.AddSingleton<IDriftSignal>(sp => new CanarySchedule(holder, sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The real adapters: the file system, the socket, rsyslogd, systemctl, inotify.</summary>
    public static void AddLinuxAdapters(IServiceCollection services, ConfigHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (holder.Current.Syslog is not { } settings)
        {
            return;
        }
        services.AddSingleton<ISocketDirectory>(_ => new LinuxSocketDirectory());
        services.AddSingleton<ISyslogCanary>(sp => new UnixSocketCanary(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRsyslog>(_ => new RsyslogTools());
        services.AddSingleton<ISyslogFiles>(_ => new AtomicSyslogFiles());
        services.AddSingleton<IDriftSignal>(sp => new SocketDirectoryWatcher(holder, sp.GetRequiredService<TimeProvider>()));
        if (Directory.Exists("/run/systemd/system"))
        {
            services.AddSingleton<ISystemdUnitFiles>(_ => new SystemctlUnitFiles());
        }
        if (settings.StartCommand.Count > 0)
        {
            services.AddKeyedSingleton<IServiceManager>(ProcessManagerKey, (sp, _) => new RsyslogProcessManager(
                settings.StartCommand,
                settings.PidFile,
                settings.ServiceUnit,
                settings.HoldSocket ? settings.SocketPath : null,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<RsyslogProcessManager>>()));
        }
    }
}
