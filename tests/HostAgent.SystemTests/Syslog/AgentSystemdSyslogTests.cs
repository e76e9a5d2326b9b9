using HostAgent.Core.Syslog;
using HostAgent.SystemTests.Node;
using HostAgent.TestLab;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.SystemTests.Syslog;

/// <summary>
/// The agent binary on a booted node with a syslog section: through systemd (D-Bus) it installs the units that
/// hold the log socket, hands the socket to rsyslog and applies its drop-in, and a later plain rsyslog restart
/// changes nothing for it.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class AgentSystemdSyslogTests
{
    private const string Config = """
        {
          "network": { "podCidr": "10.216.0.0/24" },
          "syslog": { "servers": [{ "address": "10.99.0.1", "transport": "tcp" }], "canaryInterval": "2s" }
        }
        """;

    private readonly NodeFixture _fixture;
    private readonly ITestOutputHelper _output;

    public AgentSystemdSyslogTests(NodeFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [SkippableFact]
    public void Start_SyslogOnSystemdNode_SocketHeldBySystemdAndTakenByRsyslog()
    {
        using var node = _fixture.Boot();
        Skip.IfNot(node.Exec("test", "-x", "/dist/hostagent").Succeeded, "no agent binary in the packages directory (HOSTAGENT_DIST)");
        node.Check("mkdir", "-p", "/etc/hostagent");
        node.WriteFile("/etc/hostagent/hostagent.json", Config);

        node.Check("systemd-run", "--unit", "hostagent-test", "/dist/hostagent", "--config", "/etc/hostagent/hostagent.json");

        string Journal() => node.Exec("journalctl", "-u", "hostagent-test", "-o", "cat", "--no-pager").StdOut;
        var inSync = Lab.WaitUntil(() => Journal().Contains("syslog: in sync", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        _output.WriteLine(Journal());
        Assert.True(inSync, "the syslog component did not get in sync");
        Assert.Equal("active", node.Property(HeldSocketUnits.SocketUnit, "ActiveState"));
        Assert.Equal("active", node.Property("rsyslog.service", "ActiveState"));
        Assert.True(node.Exec("test", "-S", "/run/hostagent/syslog/log").Succeeded);
        // systemd and rsyslogd both hold the one socket at the path: rsyslog took it over instead of making its own.
        var holders = node.Check("ss", "-xapn", "src", "/run/hostagent/syslog/log").StdOut;
        Assert.True(holders.Contains("\"systemd\"", StringComparison.Ordinal) && holders.Contains("\"rsyslogd\"", StringComparison.Ordinal), holders);
        var inode = node.Check("stat", "-c", "%i", "/run/hostagent/syslog/log").StdOut.Trim();

        // Someone restarts rsyslog: the socket stays (held), the agent has nothing to do.
        node.Check("systemctl", "restart", "rsyslog");
        Thread.Sleep(TimeSpan.FromSeconds(3));
        Assert.Equal(inode, node.Check("stat", "-c", "%i", "/run/hostagent/syslog/log").StdOut.Trim());
        Assert.Equal(1, Count(Journal(), "syslog: applied restart-rsyslog"));
        // The agent's own lines reach rsyslog through the socket it manages.
        Assert.True(node.Exec("grep", "-q", "hostagent.*syslog: in sync", "/var/log/syslog").Succeeded, "the agent's own log lines are not in rsyslog's output");
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
