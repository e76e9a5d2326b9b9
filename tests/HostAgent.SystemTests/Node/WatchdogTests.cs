using Xunit;

namespace HostAgent.SystemTests.Node;

/// <summary>systemd's watchdog restarts an agent whose reconcile loop is stuck.</summary>
[Collection(NodeCollection.Name)]
public sealed class WatchdogTests(NodeFixture fixture)
{
    /// <summary>A short watchdog, and the test hook that lets SIGUSR2 freeze the loops while the process runs on.</summary>
    private const string DropIn = """
        [Service]
        WatchdogSec=4s
        Environment=HOSTAGENT_TEST_HOOKS=1
        """;

    [SkippableFact]
    public void FrozenLoop_KeepAliveStops_SystemdRestartsAgent()
    {
        using var node = fixture.Boot();
        InstalledAgent.Install(node);
        node.Check("mkdir", "-p", "/etc/systemd/system/hostagent.service.d");
        node.WriteFile("/etc/systemd/system/hostagent.service.d/50-test.conf", DropIn);
        node.Check("systemctl", "daemon-reload");
        node.Check("systemctl", "start", "hostagent");
        var pid = node.Property("hostagent", "MainPID");
        // Alive loops keep it running through more than one watchdog period.
        Thread.Sleep(TimeSpan.FromSeconds(5));
        Assert.Equal(pid, node.Property("hostagent", "MainPID"));

        node.Check("systemctl", "kill", "--kill-whom=main", "-s", "SIGUSR2", "hostagent");

        Assert.True(InstalledAgent.WaitRestarted(node, pid, TimeSpan.FromSeconds(20)), InstalledAgent.Journal(node));
        Assert.Equal("1", node.Property("hostagent", "NRestarts"));
        var journal = InstalledAgent.Journal(node);
        Assert.Contains("reconcile loop network has not run since", journal, StringComparison.Ordinal);
        Assert.Contains("Watchdog timeout", node.Check("journalctl", "-u", "hostagent", "--no-pager").StdOut, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void StoppedProcess_NoKeepAlive_SystemdRestartsAgent()
    {
        using var node = fixture.Boot();
        InstalledAgent.Install(node);
        node.Check("mkdir", "-p", "/etc/systemd/system/hostagent.service.d");
        node.WriteFile("/etc/systemd/system/hostagent.service.d/50-test.conf", DropIn);
        node.Check("systemctl", "daemon-reload");
        node.Check("systemctl", "start", "hostagent");
        var pid = node.Property("hostagent", "MainPID");

        node.Check("kill", "-STOP", pid);

        Assert.True(InstalledAgent.WaitRestarted(node, pid, TimeSpan.FromSeconds(20)), InstalledAgent.Journal(node));
        Assert.Equal("1/1 in sync", node.Property("hostagent", "StatusText"));
    }
}
