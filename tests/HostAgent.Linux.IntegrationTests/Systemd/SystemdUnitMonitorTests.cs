using HostAgent.Core.Units;
using HostAgent.Linux.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Systemd;

public sealed class SystemdUnitMonitorTests
{
    [SkippableFact]
    public async Task Follow_Units_ReportsEachCurrentState()
    {
        using var lab = await SystemdLab.StartAsync();
        var states = new StateLog();
        using var monitor = new SystemdUnitMonitor(lab.Client, NullLogger<SystemdUnitMonitor>.Instance);
        monitor.Start(states.Add, _ => { });

        await monitor.FollowAsync(["rsyslog.service", "docker.service"], CancellationToken.None);

        Assert.Equal("active (running)", states.Last("rsyslog.service")?.ToString());
        Assert.True(states.Last("docker.service")?.IsNotFound);
    }

    [SkippableFact]
    public async Task Follow_UnitStopped_ReportsTheChange()
    {
        using var lab = await SystemdLab.StartAsync();
        var states = new StateLog();
        using var monitor = new SystemdUnitMonitor(lab.Client, NullLogger<SystemdUnitMonitor>.Instance);
        monitor.Start(states.Add, _ => { });
        await monitor.FollowAsync(["rsyslog.service"], CancellationToken.None);

        lab.Systemd.SetUnit("rsyslog.service", "failed", "failed");

        Assert.True(await Poll.UntilAsync(() => states.Last("rsyslog.service")?.IsFailed == true, TimeSpan.FromSeconds(5)), states.ToString());
    }

    [SkippableFact]
    public async Task Follow_UnitLeftOut_NoLongerReported()
    {
        using var lab = await SystemdLab.StartAsync();
        var states = new StateLog();
        using var monitor = new SystemdUnitMonitor(lab.Client, NullLogger<SystemdUnitMonitor>.Instance);
        monitor.Start(states.Add, _ => { });
        await monitor.FollowAsync(["rsyslog.service", "frr.service"], CancellationToken.None);

        await monitor.FollowAsync(["frr.service"], CancellationToken.None);
        lab.Systemd.SetUnit("rsyslog.service", "inactive", "dead");
        lab.Systemd.SetUnit("frr.service", "reloading", "reload");

        Assert.True(await Poll.UntilAsync(() => states.Last("frr.service")?.ActiveState == "reloading", TimeSpan.FromSeconds(5)));
        Assert.Equal("active (running)", states.Last("rsyslog.service")?.ToString());
    }

    [SkippableFact]
    public async Task Start_BusDies_ReportsError()
    {
        using var lab = await SystemdLab.StartAsync();
        var lost = new TaskCompletionSource<Exception>();
        using var monitor = new SystemdUnitMonitor(lab.Client, NullLogger<SystemdUnitMonitor>.Instance);
        monitor.Start(_ => { }, e => lost.TrySetResult(e));

        lab.Bus.Kill();

        Assert.NotNull(await lost.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>States reported from any thread, by unit.</summary>
    private sealed class StateLog
    {
        private readonly List<UnitState> _states = [];

        public void Add(UnitState state)
        {
            lock (_states)
            {
                _states.Add(state);
            }
        }

        public UnitState? Last(string unit)
        {
            lock (_states)
            {
                return _states.LastOrDefault(s => s.Unit == unit);
            }
        }

        public override string ToString()
        {
            lock (_states)
            {
                return string.Join("; ", _states);
            }
        }
    }
}
