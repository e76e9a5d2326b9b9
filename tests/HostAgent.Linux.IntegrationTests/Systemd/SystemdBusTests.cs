using HostAgent.Core.Units;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>The D-Bus client against a fake systemd on a private dbus-daemon: jobs, states, signals.</summary>
public sealed class SystemdBusTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task Connect_FakeSystemd_Subscribes()
    {
        using var lab = await SystemdLab.StartAsync();

        Assert.Contains("Subscribe", lab.Systemd.Calls);
    }

    [SkippableFact]
    public async Task RunJob_JobDone_ReturnsDone()
    {
        using var lab = await SystemdLab.StartAsync();

        var result = await lab.Client.RunJobAsync("RestartUnit", "rsyslog.service", JobTimeout, CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Contains("RestartUnit rsyslog.service", lab.Systemd.Calls);
    }

    [SkippableFact]
    public async Task RunJob_JobFailed_ReturnsFailed()
    {
        using var lab = await SystemdLab.StartAsync();
        lab.Systemd.NextJob = new FakeJob { Result = "failed" };

        var result = await lab.Client.RunJobAsync("ReloadOrRestartUnit", "frr.service", JobTimeout, CancellationToken.None);

        Assert.Equal("failed", result);
    }

    [SkippableFact]
    public async Task RunJob_JobRemovedBeforeReply_ReturnsResult()
    {
        using var lab = await SystemdLab.StartAsync();
        lab.Systemd.NextJob = new FakeJob { Result = "done", FinishBeforeReply = true };

        var result = await lab.Client.RunJobAsync("StartUnit", "rsyslog.service", JobTimeout, CancellationToken.None);

        Assert.Equal("done", result);
    }

    [SkippableFact]
    public async Task RunJob_JobNeverRemoved_ReturnsNullAtTimeout()
    {
        using var lab = await SystemdLab.StartAsync();
        lab.Systemd.NextJob = new FakeJob { Result = null };

        var result = await lab.Client.RunJobAsync("RestartUnit", "rsyslog.service", TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Null(result);
    }

    [SkippableFact]
    public async Task RunJob_UnknownUnit_ThrowsNoSuchUnit()
    {
        using var lab = await SystemdLab.StartAsync();

        var exception = await Assert.ThrowsAsync<UnitControlException>(
            () => lab.Client.RunJobAsync("RestartUnit", "absent.service", JobTimeout, CancellationToken.None));

        Assert.True(exception.NoSuchUnit);
        Assert.Contains("absent.service", exception.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RunJob_ConcurrentJobs_EachGetsItsOwnResult()
    {
        using var lab = await SystemdLab.StartAsync();

        var jobs = Enumerable.Range(0, 8)
            .Select(i => lab.Client.RunJobAsync("RestartUnit", i % 2 == 0 ? "rsyslog.service" : "frr.service", JobTimeout, CancellationToken.None))
            .ToList();

        Assert.All(await Task.WhenAll(jobs), r => Assert.Equal("done", r));
    }

    [SkippableFact]
    public async Task GetUnitState_RunningUnit_ReturnsItsStates()
    {
        using var lab = await SystemdLab.StartAsync();

        var state = await lab.Client.GetUnitStateAsync("rsyslog.service", CancellationToken.None);

        Assert.Equal(new UnitState("rsyslog.service", "active", "running", "loaded"), state);
    }

    [SkippableFact]
    public async Task GetUnitState_UninstalledUnit_ReportsNotFound()
    {
        using var lab = await SystemdLab.StartAsync();

        var state = await lab.Client.GetUnitStateAsync("docker.service", CancellationToken.None);

        Assert.True(state.IsNotFound);
        Assert.Equal("inactive", state.ActiveState);
    }

    [SkippableFact]
    public async Task WatchUnit_StateChanges_ReportsEachNewState()
    {
        using var lab = await SystemdLab.StartAsync();
        var seen = new List<UnitState>();
        using var watch = await lab.Client.WatchUnitAsync("rsyslog.service", s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        });

        lab.Systemd.SetUnit("rsyslog.service", "deactivating", "stop-sigterm");
        lab.Systemd.SetUnit("rsyslog.service", "inactive", "dead");

        Assert.True(await Poll.UntilAsync(() => { lock (seen) { return seen.Count >= 2; } }, TimeSpan.FromSeconds(5)));
        lock (seen)
        {
            Assert.Equal(["deactivating (stop-sigterm)", "inactive (dead)"], seen.Select(s => s.ToString()));
        }
    }

    [SkippableFact]
    public async Task WatchUnit_OtherUnitChanges_ReportsOnlyItsOwn()
    {
        using var lab = await SystemdLab.StartAsync();
        var seen = new List<UnitState>();
        using var watch = await lab.Client.WatchUnitAsync("rsyslog.service", s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        });

        lab.Systemd.SetUnit("frr.service", "reloading", "reload");
        // Signals from one sender arrive in order: once rsyslog's change is seen, frr's was delivered before it.
        lab.Systemd.SetUnit("rsyslog.service", "inactive", "dead");

        Assert.True(await Poll.UntilAsync(() => { lock (seen) { return seen.Count >= 1; } }, TimeSpan.FromSeconds(5)));
        lock (seen)
        {
            Assert.Equal("rsyslog.service", Assert.Single(seen).Unit);
        }
    }

    [SkippableFact]
    public async Task Disconnected_BusDies_CompletesWithReason()
    {
        using var lab = await SystemdLab.StartAsync();

        lab.Bus.Kill();

        var reason = await lab.Client.Disconnected.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(reason);
    }
}
