using HostAgent.Daemon.Logging;
using HostAgent.Daemon.Tests.Support;
using HostAgent.TestLab.Syslog;
using Serilog.Events;
using Xunit;

namespace HostAgent.Daemon.Tests.Logging;

/// <summary>The agent's own syslog sink against a real rsyslogd.</summary>
public sealed class UnixSyslogSinkRsyslogTests
{
    [Fact]
    public async Task Emit_RealRsyslog_ParsedAsRfc5424WithStructuredData()
    {
        using var rsyslog = new RsyslogInstance();
        rsyslog.Start();
        using var sink = new UnixSyslogSink(rsyslog.SocketPath, new Rfc5424Formatter("node1", "hostagent", Environment.ProcessId));

        sink.Emit(LogEvents.WithEventId(LogEventLevel.Warning, "{Component}: reconcile failed", 1003, ("Component", "network")));

        var lines = await Eventually.Until(rsyslog.Lines, l => l.Count == 1, "one line at rsyslog");
        Assert.Equal("hostagent|1003|[hostagent@32473 level=\"Warning\" Component=\"network\"]|network: reconcile failed", lines[0]);
    }

    /// <summary>
    /// Datagrams already queued in the old socket when rsyslogd exits die with it: no client can
    /// save those (the held socket of the logging component does). What the sink owes is to go on:
    /// never block, reopen the new socket, and deliver everything emitted after each restart.
    /// </summary>
    [Fact]
    public async Task Emit_RsyslogRestartedTwiceDuringStream_ReopensAndDeliversEverythingAfterEachRestart()
    {
        const int Count = 3000;
        using var rsyslog = new RsyslogInstance();
        rsyslog.Start();
        using var sink = new UnixSyslogSink(rsyslog.SocketPath, new Rfc5424Formatter("node1", "hostagent", Environment.ProcessId), capacity: Count);

        for (var i = 0; i < Count; i++)
        {
            sink.Emit(LogEvents.Create(LogEventLevel.Information, "seq {N}", ("N", i)));
            if (i is 1000 or 2000)
            {
                rsyslog.Restart();
            }
        }

        await Eventually.Until(rsyslog.Lines, l => l.Count > 0 && Sequence(l)[^1] == Count - 1, "the last message at rsyslog");
        var sequence = Sequence(rsyslog.Lines());
        Assert.Equal(Enumerable.Range(2001, Count - 2001), sequence.Where(n => n > 2000));
        Assert.Equal(sequence.Order(), sequence);
        Assert.Equal(0, sink.Dropped);
        Assert.True(sink.Opens >= 2, $"opens: {sink.Opens}");
    }

    private static List<int> Sequence(IReadOnlyList<string> lines) =>
        lines.Select(l => int.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
