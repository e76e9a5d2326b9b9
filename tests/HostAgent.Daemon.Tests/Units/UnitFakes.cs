using HostAgent.Core.Units;
using HostAgent.Daemon.Tests.Support;
using HostAgent.TestFakes;
using Microsoft.Extensions.DependencyInjection;

namespace HostAgent.Daemon.Tests.Units;

/// <summary>A fake systemd for a hosted agent: the manager runs jobs, the monitor reports their state changes.</summary>
internal sealed class UnitFakes
{
    public UnitFakes()
    {
        Manager = new FakeServiceManager(Monitor);
        Manager.SetUnit(new UnitState("rsyslog.service", "active", "running"));
        Manager.SetUnit(new UnitState("frr.service", "active", "running"));
    }

    public FakeUnitMonitor Monitor { get; } = new();

    public FakeServiceManager Manager { get; }

    public FakeServiceNotifier Notifier { get; } = new();

    public AgentHostOptions Options(string? config = null) => new()
    {
        Config = config ?? TestConfig.Json(),
        Services = services =>
        {
            services.AddSingleton<IServiceManager>(Manager);
            services.AddSingleton<IUnitMonitor>(Monitor);
            services.AddSingleton<IServiceNotifier>(Notifier);
        },
    };
}
