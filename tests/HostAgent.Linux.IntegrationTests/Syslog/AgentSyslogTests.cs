using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using HostAgent.Contracts.V1;
using HostAgent.TestLab;
using HostAgent.TestLab.Daemon;
using HostAgent.TestLab.Syslog;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>
/// The agent binary with a syslog section, in a namespace of its own, running rsyslogd itself (no systemd
/// here): it builds the pipeline, reports it, logs into it, and neither stops nor blocks when rsyslog goes.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class AgentSyslogTests
{
    private const string MetricsListen = "127.0.0.1:9469";
    private readonly ITestOutputHelper _output;

    public AgentSyslogTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public void Start_WithSyslogSection_PipelineInSyncAndAgentLogsArriveAsRfc5424()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var lab = new SyslogLab();
        using var agent = new AgentProcess(netns, lab.AgentConfig("\"canaryInterval\": \"1s\""));

        var status = agent.Start();

        var syslog = status.Components.Single(c => c.Name == "syslog");
        Assert.True(syslog.InSync, syslog.LastError + string.Join("; ", syslog.Findings));
        Assert.Contains(syslog.Observed, f => f.Name == "socket" && f.Value.StartsWith("present, accepting", StringComparison.Ordinal));
        Assert.Contains(syslog.Observed, f => f.Name == "socket holder" && f.Value.StartsWith("hostagent", StringComparison.Ordinal));
        Assert.Contains(syslog.Observed, f => f.Name == "rsyslog" && f.Value == "active (running)");
        // The agent's own lines: app-name hostagent, the event id as msgid.
        Assert.True(
            Lab.WaitUntil(() => lab.Lines().Any(l => l.StartsWith("hostagent|1004|syslog: in sync", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)),
            "the agent's 'in sync' line did not reach rsyslog:\n" + string.Join('\n', lab.Lines().TakeLast(20)));
        Assert.Contains(lab.Lines(), l => l.StartsWith("hostagent|canary|log socket canary", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task RsyslogGone_PlainSocket_AgentNeverBlocksRestartsRsyslogAndItsLinesFromTheGapArrive()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var lab = new SyslogLab();
        using var agent = new AgentProcess(netns, lab.AgentConfig("\"holdSocket\": false, \"canaryInterval\": \"1s\"", MetricsListen));
        agent.Start();
        var pid = int.Parse(File.ReadAllText(lab.PidFile).Trim(), CultureInfo.InvariantCulture);
        // The sink opens the socket with its first line after the pipeline exists; only a reopen after that counts.
        Assert.True(
            Lab.WaitUntil(() => LogMetrics(netns).Contains("hostagent_log_socket_opens_total 1", StringComparison.Ordinal), TimeSpan.FromSeconds(10)),
            "the agent's sink never opened the log socket:\n" + LogMetrics(netns));

        // rsyslogd goes away and takes its socket with it (it made it, so it unlinks it).
        Cmd.Check("kill", "-TERM", pid.ToString(CultureInfo.InvariantCulture));
        // The agent makes it whole again within milliseconds, so the removal itself is seen in its metrics below.
        var gone = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var calls = new List<double>();
        var back = false;
        while (!back && gone.Elapsed < TimeSpan.FromSeconds(30))
        {
            var call = Stopwatch.StartNew();
            var status = await agent.Client.GetStatusAsync(new GetStatusRequest { Components = { "syslog" } }, deadline: DateTime.UtcNow.AddSeconds(10));
            slowest = call.Elapsed > slowest ? call.Elapsed : slowest;
            calls.Add(call.Elapsed.TotalMilliseconds);
            back = status.Components.Single().InSync && File.Exists(lab.PidFile)
                && File.ReadAllText(lab.PidFile).Trim() is var now && now.Length > 0 && now != pid.ToString(CultureInfo.InvariantCulture);
            await Task.Delay(5);
        }
        _output.WriteLine($"healthy again {gone.ElapsedMilliseconds} ms after rsyslogd was stopped; slowest GetStatus meanwhile {slowest.TotalMilliseconds:0} ms");

        Assert.True(back, "the agent did not bring rsyslog back:\n" + agent.Output);
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"GetStatus took {slowest.TotalMilliseconds:0} ms while the socket was gone");
        // Logged while nothing listened, delivered once the socket was back.
        Assert.True(
            Lab.WaitUntil(() => lab.Lines().Any(l => l.StartsWith("hostagent|1001|syslog: drift detected", StringComparison.Ordinal)
                && !l.Contains("(start)", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)),
            "the drift line logged during the gap never arrived:\n" + string.Join('\n', lab.Lines().TakeLast(20)));
        var metrics = LogMetrics(netns);
        _output.WriteLine(metrics);
        _output.WriteLine("GetStatus calls while rsyslog was away, ms: " + string.Join(", ", calls.Select(c => c.ToString("0.0", CultureInfo.InvariantCulture))));
        Assert.Contains("hostagent_log_messages_dropped_total 0", metrics, StringComparison.Ordinal);
        Assert.Matches(@"hostagent_log_socket_opens_total [2-9]", metrics);
        Assert.Matches(@"hostagent_syslog_socket_events_total\{event=""missing""\} [1-9]", metrics);
        Assert.Matches(@"hostagent_syslog_rsyslog_restarts_total [2-9]", metrics);
    }

    /// <summary>The agent's log and syslog lines of /metrics.</summary>
    private static string LogMetrics(TestNetns netns) => string.Join('\n', netns.Exec("curl", "-s", $"http://{MetricsListen}/metrics").StdOut
        .Split('\n').Where(l => l.StartsWith("hostagent_log", StringComparison.Ordinal) || l.StartsWith("hostagent_syslog", StringComparison.Ordinal)));
}
