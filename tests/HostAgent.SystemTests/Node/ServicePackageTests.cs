using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace HostAgent.SystemTests.Node;

/// <summary>The RPM and the unit file on a node whose PID 1 is systemd: install, start, status, reload, erase.</summary>
[Collection(NodeCollection.Name)]
public sealed partial class ServicePackageTests(NodeFixture fixture)
{
    [SkippableFact]
    public void Start_Installed_ActiveOnlyAfterReadyWithStatusLine()
    {
        using var node = fixture.Boot();
        InstalledAgent.Install(node);
        Assert.Equal("enabled", node.Exec("systemctl", "is-enabled", "hostagent").StdOut.Trim());

        // Type=notify: start returns once READY=1 arrived, and READY=1 is sent after the first reconcile.
        node.Check("systemctl", "start", "hostagent");
        var status = InstalledAgent.Status(node);

        Assert.Equal("active", node.Property("hostagent", "ActiveState"));
        Assert.Equal("running", node.Property("hostagent", "SubState"));
        Assert.Equal("1/1 in sync", node.Property("hostagent", "StatusText"));
        Assert.All(status.GetProperty("components").EnumerateArray(), c => Assert.True(ulong.Parse(c.GetProperty("runs").GetString()!, CultureInfo.InvariantCulture) >= 1));
        var journal = InstalledAgent.Journal(node);
        var ready = journal.IndexOf("ready: 1/1 in sync", StringComparison.Ordinal);
        var started = journal.IndexOf("Started hostagent.service", StringComparison.Ordinal);
        Assert.True(ready >= 0 && started > ready, journal);
        Assert.Contains("Status: \"1/1 in sync\"", node.Exec("systemctl", "status", "hostagent", "--no-pager").StdOut, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Reload_NewConfig_AppliedAndStatusUpdated()
    {
        using var node = fixture.Boot();
        InstalledAgent.InstallAndStart(node);
        var pid = node.Property("hostagent", "MainPID");

        node.WriteFile("/etc/hostagent/hostagent.json", InstalledAgent.Config.Replace("\"mtu\": 1500", "\"mtu\": 1400", StringComparison.Ordinal));
        node.Check("systemctl", "reload", "hostagent");

        Assert.True(TestLab.Lab.WaitUntil(() => node.Exec("ip", "-o", "link", "show", "cbr0").StdOut.Contains("mtu 1400", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
        Assert.Equal(pid, node.Property("hostagent", "MainPID"));
        Assert.Equal("1/1 in sync", node.Property("hostagent", "StatusText"));
        Assert.Contains("reloaded; changed components: network", InstalledAgent.Journal(node), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Erase_ChangedConfig_StoppedRemovedAndConfigKept()
    {
        using var node = fixture.Boot();
        InstalledAgent.InstallAndStart(node);

        var erase = node.Exec("rpm", "-e", "--nodeps", "hostagent");

        Assert.True(erase.Succeeded, erase.StdErr);
        Assert.Equal("inactive", node.Exec("systemctl", "is-active", "hostagent").StdOut.Trim());
        Assert.False(node.Exec("test", "-e", "/usr/bin/hostagent").Succeeded);
        Assert.False(node.Exec("test", "-e", "/usr/lib/systemd/system/hostagent.service").Succeeded);
        Assert.False(node.Exec("test", "-e", "/etc/systemd/system/multi-user.target.wants/hostagent.service").Succeeded);
        Assert.Contains("\"frr.service\"", node.Check("cat", "/etc/hostagent/hostagent.json.rpmsave").StdOut, StringComparison.Ordinal);
        // The network the agent built stays: stopping or removing the agent changes nothing on the host.
        Assert.Contains("10.216.0.1/24", node.Check("ip", "-o", "addr", "show", "cbr0").StdOut, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Start_El8Package_RunsUnderTheSameHardening()
    {
        using var node = fixture.Boot();
        InstalledAgent.InstallAndStart(node, "el8");

        Assert.Equal("active", node.Property("hostagent", "ActiveState"));
        Assert.Equal("1/1 in sync", node.Property("hostagent", "StatusText"));
        Assert.Contains("10-jit.conf", node.Property("hostagent", "DropInPaths"), StringComparison.Ordinal);
        Assert.Equal("rsyslog.service", node.Check("hostagentctl", "status").StdOut.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("rsyslog", StringComparison.Ordinal)).Split(' ')[0]);
    }

    [SkippableFact]
    public void UnitFile_AnalyzeVerifyAndSecurity_CleanAndExposureAtMost2Point5()
    {
        using var node = fixture.Boot();
        InstalledAgent.Install(node);

        var verify = node.Exec("systemd-analyze", "verify", "hostagent.service");
        var security = node.Exec("systemd-analyze", "security", "--no-pager", "hostagent.service");

        Assert.True(verify.Succeeded && verify.StdErr.Trim().Length == 0, verify.StdOut + verify.StdErr);
        var exposure = double.Parse(Exposure().Match(security.StdOut).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= 2.5, security.StdOut);
    }

    [GeneratedRegex(@"Overall exposure level for hostagent\.service: ([0-9.]+)")]
    private static partial Regex Exposure();
}
