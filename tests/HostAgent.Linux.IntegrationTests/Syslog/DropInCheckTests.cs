using System.Runtime.Versioning;
using HostAgent.Core.Reconcile;
using HostAgent.TestLab;
using HostAgent.TestLab.Syslog;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>rsyslogd -N1 is the gate: a drop-in it rejects never replaces the one rsyslog runs.</summary>
[SupportedOSPlatform("linux")]
public sealed class DropInCheckTests
{
    private const string TcpServer = "\"servers\": [{ \"address\": \"10.77.0.1\", \"transport\": \"tcp\" }]";

    [SkippableFact]
    public void Reconcile_CandidateRejectedByRsyslogd_OldDropInStaysAndRsyslogKeepsRunningIt()
    {
        Lab.RequireRoot();
        using var lab = new SyslogLab(TcpServer);
        Assert.True(lab.Reconcile("start").InSync);
        var applied = File.ReadAllText(lab.DropInPath);
        var pid = lab.Manager.Pid;

        // Valid to the config loader, but the certificate files are not on this node: only rsyslogd can tell.
        lab.Reload("""
            "servers": [{ "address": "10.77.0.1", "transport": "tcp" },
                        { "address": "10.77.0.2", "transport": "relp", "tlsCaFile": "/nonexistent/hostagent-test/ca.pem" }]
            """);
        var rejected = lab.Reconcile("config reloaded");

        Assert.False(rejected.InSync);
        Assert.Empty(rejected.Applied);
        var conflict = Assert.Single(rejected.Findings, f => f.Severity == FindingSeverity.Conflict);
        Assert.Contains("rejected by rsyslogd -N1", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/hostagent-test/ca.pem", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(applied, File.ReadAllText(lab.DropInPath));
        Assert.Equal(pid, lab.Manager.Pid);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(lab.DropInPath)!, ".*"));

        // The old drop-in is still what rsyslog runs: the socket takes messages and they arrive.
        using var client = new DirectoryClient(lab.SocketDirectory);
        client.Send(DirectoryClient.Message(1));
        Assert.True(Lab.WaitUntil(() => LabCount.Of(lab.Lines(), 1).Distinct == 1, TimeSpan.FromSeconds(10)));

        // A fixed config goes through the same gate and is applied with one restart.
        lab.Reload(TcpServer.Replace("10.77.0.1", "10.77.0.3", StringComparison.Ordinal));
        var fixedRun = lab.Reconcile("config reloaded");
        Assert.True(fixedRun.InSync, fixedRun.Error);
        Assert.Equal(["write-file", "restart-rsyslog"], fixedRun.Applied.Select(a => a.Kind));
        Assert.NotEqual(pid, lab.Manager.Pid);
    }

    [SkippableFact]
    public void Reconcile_MainConfigLoadsImuxsock_DropInDoesNotLoadItAgainAndRsyslogAcceptsIt()
    {
        Lab.RequireRoot();
        using var lab = new SyslogLab(TcpServer, loadImuxsockInMain: true);

        var result = lab.Reconcile("start");

        Assert.True(result.InSync, result.Error);
        Assert.DoesNotContain("module(load=\"imuxsock\"", File.ReadAllText(lab.DropInPath), StringComparison.Ordinal);
    }
}
