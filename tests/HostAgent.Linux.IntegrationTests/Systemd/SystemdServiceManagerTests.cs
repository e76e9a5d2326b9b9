using HostAgent.Core.Units;
using HostAgent.Linux.Systemd;
using HostAgent.TestFakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Systemd;

public sealed class SystemdServiceManagerTests
{
    [SkippableFact]
    public async Task Restart_JobDone_ReturnsDoneAndCountsIt()
    {
        using var lab = await SystemdLab.StartAsync();
        var metrics = new RecordingUnitMetrics();
        var manager = new SystemdServiceManager(lab.Client, metrics, TimeProvider.System, NullLogger<SystemdServiceManager>.Instance);
        lab.Systemd.NextJob = new FakeJob { States = [("deactivating", "stop-sigterm"), ("activating", "start"), ("active", "running")] };

        var result = await manager.RestartAsync("rsyslog.service", CancellationToken.None);

        Assert.Equal(UnitJobResult.Done, result);
        Assert.Equal([("rsyslog.service", UnitAction.Restart, UnitJobResult.Done)], metrics.Jobs);
        Assert.Equal("systemd", manager.Kind);
    }

    [SkippableFact]
    public async Task ReloadOrRestart_JobFailed_ReturnsFailed()
    {
        using var lab = await SystemdLab.StartAsync();
        var metrics = new RecordingUnitMetrics();
        var manager = new SystemdServiceManager(lab.Client, metrics, TimeProvider.System, NullLogger<SystemdServiceManager>.Instance);
        lab.Systemd.NextJob = new FakeJob { Result = "failed" };

        var result = await manager.ReloadOrRestartAsync("frr.service", CancellationToken.None);

        Assert.Equal(UnitJobResult.Failed, result);
        Assert.Contains("ReloadOrRestartUnit frr.service", lab.Systemd.Calls);
    }

    [SkippableFact]
    public async Task Start_JobNeverEnds_ReturnsTimeout()
    {
        using var lab = await SystemdLab.StartAsync();
        var metrics = new RecordingUnitMetrics();
        var manager = new SystemdServiceManager(lab.Client, metrics, TimeProvider.System, NullLogger<SystemdServiceManager>.Instance, TimeSpan.FromMilliseconds(300));
        lab.Systemd.NextJob = new FakeJob { Result = null };

        var result = await manager.StartAsync("rsyslog.service", CancellationToken.None);

        Assert.Equal(UnitJobResult.Timeout, result);
        Assert.Equal([("rsyslog.service", UnitAction.Start, UnitJobResult.Timeout)], metrics.Jobs);
    }

    [SkippableFact]
    public async Task GetState_UninstalledUnit_ReturnsNull()
    {
        using var lab = await SystemdLab.StartAsync();
        var manager = new SystemdServiceManager(lab.Client, new RecordingUnitMetrics(), TimeProvider.System, NullLogger<SystemdServiceManager>.Instance);

        Assert.Null(await manager.GetStateAsync("docker.service", CancellationToken.None));
        Assert.Equal("active (running)", (await manager.GetStateAsync("rsyslog.service", CancellationToken.None))?.ToString());
    }
}
