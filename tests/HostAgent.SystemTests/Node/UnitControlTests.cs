using System.Diagnostics;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.SystemTests.Node;

/// <summary>The agent controls and follows units through systemd's D-Bus API, on a booted node.</summary>
[Collection(NodeCollection.Name)]
public sealed class UnitControlTests(NodeFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public void UnitRestart_Rsyslog_JobDoneAndStateChangesWatched()
    {
        using var node = fixture.Boot();
        InstalledAgent.InstallAndStart(node);
        using var watch = node.Stream("hostagentctl", "watch");
        WaitWatching(node, watch);
        var rsyslogPid = node.Property("rsyslog", "MainPID");

        var restart = node.Exec("hostagentctl", "unit", "restart", "rsyslog.service");

        Assert.True(restart.Succeeded, restart.StdOut + restart.StdErr);
        Assert.StartsWith("restart rsyslog.service: done", restart.StdOut, StringComparison.Ordinal);
        Assert.NotEqual(rsyslogPid, node.Property("rsyslog", "MainPID"));
        Assert.True(watch.WaitFor(l => l.Contains("rsyslog.service: activating (start) -> active (running)", StringComparison.Ordinal), Wait), string.Join('\n', watch.Lines));
        Assert.Contains(watch.Lines, l => l.Contains("UnitStateChanged", StringComparison.Ordinal) && l.Contains("rsyslog.service: active (running) -> deactivating", StringComparison.Ordinal));
        Assert.Contains("systemd: restart rsyslog.service: done", InstalledAgent.Journal(node), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void UnitReload_Frr_ReloadedThroughDBusAndWatched()
    {
        using var node = fixture.Boot();
        InstalledAgent.InstallAndStart(node);
        using var watch = node.Stream("hostagentctl", "watch");
        WaitWatching(node, watch);
        var zebraPid = node.Check("pgrep", "-x", "zebra").StdOut.Trim();

        var reload = node.Exec("hostagentctl", "unit", "reload", "frr.service");

        Assert.True(reload.Succeeded, reload.StdOut + reload.StdErr);
        Assert.StartsWith("reload-or-restart frr.service: done", reload.StdOut, StringComparison.Ordinal);
        // A reload, not a restart: the routing daemons keep running (FRR's reload restarts only watchfrr),
        // and the unit passed through "reloading".
        Assert.Equal(zebraPid, node.Check("pgrep", "-x", "zebra").StdOut.Trim());
        Assert.True(watch.WaitFor(l => l.Contains("frr.service: reloading (reload) -> active (running)", StringComparison.Ordinal), Wait), string.Join('\n', watch.Lines));
        Assert.Contains("Reloaded frr.service", node.Check("journalctl", "-u", "frr", "-o", "cat", "--no-pager").StdOut, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void StopByHand_Rsyslog_ShowsInStatusWithinASecond()
    {
        using var node = fixture.Boot();
        InstalledAgent.InstallAndStart(node);
        Assert.True(Lab.WaitUntil(() => InstalledAgent.UnitState(InstalledAgent.Status(node), "rsyslog.service") == "active", Wait));

        // The socket too, or the next message to /dev/log would start rsyslog again at once.
        node.Check("systemctl", "stop", "syslog.socket", "rsyslog.service");
        var stopped = Stopwatch.StartNew();
        var seen = Lab.WaitUntil(() => InstalledAgent.UnitState(InstalledAgent.Status(node), "rsyslog.service") == "inactive", TimeSpan.FromSeconds(5));
        stopped.Stop();

        Assert.True(seen, InstalledAgent.Status(node).ToString());
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(1), $"seen after {stopped.Elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>The watch has no "subscribed" marker: wait until it prints an event a harmless reconcile causes.</summary>
    private static void WaitWatching(TestLab.Node.BootedNode node, TestLab.Node.NodeStream watch) =>
        Assert.True(
            Lab.WaitUntil(
                () =>
                {
                    node.Exec("systemctl", "reload", "hostagent");
                    Thread.Sleep(200);
                    return watch.Lines.Any(l => l.Contains("ConfigReloaded", StringComparison.Ordinal));
                },
                Wait),
            string.Join('\n', watch.Lines));
}
