using HostAgent.Linux.Systemd;

namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>A private bus, the fake systemd on it, and a client connected to both.</summary>
public sealed class SystemdLab : IDisposable
{
    private SystemdLab(PrivateBus bus, FakeSystemd systemd, SystemdBus client)
    {
        Bus = bus;
        Systemd = systemd;
        Client = client;
    }

    public PrivateBus Bus { get; }

    public FakeSystemd Systemd { get; }

    public SystemdBus Client { get; }

    /// <summary>Starts everything with rsyslog.service and frr.service running.</summary>
    public static async Task<SystemdLab> StartAsync()
    {
        var bus = PrivateBus.Start();
        FakeSystemd? systemd = null;
        try
        {
            systemd = await FakeSystemd.StartAsync(bus.Address);
            systemd.SetUnit("rsyslog.service", "active", "running");
            systemd.SetUnit("frr.service", "active", "running");
            var client = await SystemdBus.ConnectAsync(bus.Address, CancellationToken.None);
            return new SystemdLab(bus, systemd, client);
        }
        catch
        {
            systemd?.Dispose();
            bus.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Systemd.Dispose();
        Bus.Dispose();
    }
}
