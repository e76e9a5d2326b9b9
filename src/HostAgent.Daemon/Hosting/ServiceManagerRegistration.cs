using HostAgent.Core.Units;
using HostAgent.Linux.Systemd;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// The one place that decides how the agent controls the daemons it owns. Components take
/// <see cref="IServiceManager"/> (and the follower <see cref="IUnitMonitor"/>) and get whatever is
/// registered here: systemd over D-Bus on a node; where there is no system bus (a laptop, the lab), the
/// direct process control that <c>fallback</c> registers, if any.
/// </summary>
public static partial class ServiceManagerRegistration
{
    public static void Add(IServiceCollection services, SystemdBus? systemd, Action<IServiceCollection>? fallback = null)
    {
        if (systemd is null)
        {
            fallback?.Invoke(services);
            return;
        }
        services.AddSingleton(systemd);
        services.AddSingleton<IServiceManager>(sp => new SystemdServiceManager(
            systemd,
            sp.GetRequiredService<IUnitMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SystemdServiceManager>>()));
        services.AddSingleton<IUnitMonitor>(sp => new SystemdUnitMonitor(systemd, sp.GetRequiredService<ILogger<SystemdUnitMonitor>>()));
    }

    /// <summary>
    /// The manager a component uses for its daemon: systemd when the agent controls daemons through it,
    /// else the component's own process control registered under <paramref name="processManagerKey"/>,
    /// else whatever unkeyed manager there is (none on a node without either).
    /// </summary>
    public static IServiceManager? For(IServiceProvider services, string processManagerKey) =>
        services.GetService<IServiceManager>() is { Kind: "systemd" } systemd
            ? systemd
            : services.GetKeyedService<IServiceManager>(processManagerKey) ?? services.GetService<IServiceManager>();

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "not controlling daemons through systemd: {Reason}")]
    public static partial void LogNoSystemd(ILogger logger, string reason);
}
