using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using HostAgent.TestLab;
using HostAgent.TestLab.Syslog;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>
/// The central server goes away for 20 s while the node logs 10,000 messages (and, when asked, its rsyslog is
/// restarted once half-way); then it comes back and what arrived is counted. The node's rsyslogd runs in one
/// namespace, the central one in another, joined by a veth pair.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class OutageScenario
{
    public const int Messages = 10_000;

    /// <summary>
    /// The batch the action queue had dequeued when the output module found the connection broken: rsyslog marks
    /// a transactional action's batch committed before the module sends it, keeps retrying that batch while the
    /// server is away, and drops it when shutdown has to cancel the worker (rsyslog 8.2302, omrelp and omfwd
    /// alike). At most queue.dequeueBatchSize (128 for action queues) of the first messages after the break;
    /// everything dequeued later is put back and waits in the disk-assisted queue. Without a restart the batch
    /// is sent when the server is back.
    /// </summary>
    public const int FirstBatchAfterBreak = 128;
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(8);

    public static async Task<LabCount> RunAsync(string transport, ITestOutputHelper output, bool restartNode = true)
    {
        using var namespaces = new NamespacePair();
        using var central = new CentralLogServer(namespaces.First);
        central.Start();
        using var lab = new SyslogLab(
            $"\"servers\": [{{ \"address\": \"{NamespacePair.FirstAddress}\", \"transport\": \"{transport}\" }}]",
            netns: namespaces.Second.Name);
        var first = lab.Reconcile("start");
        Assert.True(first.InSync, first.Error);
        Assert.Contains($"type=\"{(transport == "relp" ? "omrelp" : "omfwd")}\"", File.ReadAllText(lab.DropInPath), StringComparison.Ordinal);

        using var client = new DirectoryClient(lab.SocketDirectory);
        client.Send("<14>Jan  1 00:00:00 warmup: forwarding works");
        Assert.True(Lab.WaitUntil(() => central.Lines().Any(l => l.Contains("warmup", StringComparison.Ordinal)), TimeSpan.FromSeconds(20)),
            "the warm-up message never reached the central server");

        var outage = Stopwatch.StartNew();
        central.Stop();
        var progress = 0;
        var sender = Task.Run(() =>
        {
            // About one message a millisecond: the stream spans half the outage, the restart falls inside it.
            for (var i = 0; i < Messages; i++)
            {
                client.Send(DirectoryClient.Message(i));
                Volatile.Write(ref progress, i + 1);
                Thread.Sleep(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond));
            }
        });
        Assert.True(Lab.WaitUntil(() => Volatile.Read(ref progress) >= Messages / 2, TimeSpan.FromSeconds(20)));
        var restart = Stopwatch.StartNew();
        if (restartNode)
        {
            lab.Restart("restart during the outage");
        }
        if (restartNode)
        {
            output.WriteLine($"{transport}: node rsyslog restarted at message {Volatile.Read(ref progress)} in {restart.ElapsedMilliseconds} ms");
        }
        await sender.WaitAsync(TimeSpan.FromSeconds(60));
        AssertOutageReported(lab, transport, Outage - outage.Elapsed, output);
        var left = Outage - outage.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
        central.Start();
        output.WriteLine($"{transport}: central server back after {outage.Elapsed.TotalSeconds:0.0} s");

        var back = Stopwatch.StartNew();
        var count = WaitForQuiet(central, back);
        output.WriteLine($"{transport}{(restartNode ? " + node restart" : "")}: {count}; settled {back.Elapsed.TotalSeconds:0.0} s after the server came back; "
            + $"node saw {LabCount.Of(lab.Lines(), Messages)}");
        return count;
    }

    /// <summary>
    /// While the server is away the agent says so, from rsyslog's own statistics (impstats): a finding naming the
    /// server and what waits for it, and the log socket's queue, as status and metrics show them.
    /// </summary>
    private static void AssertOutageReported(SyslogLab lab, string transport, TimeSpan within, ITestOutputHelper output)
    {
        string? finding = null;
        var reported = Lab.WaitUntil(() =>
        {
            finding = lab.Reconcile("status").Findings.Select(static f => f.Message).FirstOrDefault(static m => m.Contains("unreachable, buffering", StringComparison.Ordinal));
            return finding is not null;
        }, within > TimeSpan.FromSeconds(3) ? within : TimeSpan.FromSeconds(3));
        output.WriteLine($"{transport}: during the outage the agent said: {finding ?? "(nothing)"}");
        Assert.True(reported, $"the agent did not report the central server unreachable during the outage; last statistics: {string.Join(", ", lab.Reporter.LastStats?.Actions ?? [])}");
        Assert.StartsWith($"central server {transport} {NamespacePair.FirstAddress}:", finding, StringComparison.Ordinal);
        var buffered = long.Parse(Regex.Match(finding!, @"buffering (\d+) messages").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(buffered, 1, Messages + 100);
        var socketQueue = lab.Reporter.LastStats?.SocketQueue;
        Assert.True(socketQueue is { Enqueued: > 0 }, $"no statistics of the socket's queue: {lab.Reporter.LastStats}");
    }

    /// <summary>Waits until everything arrived, or nothing more arrives for a while.</summary>
    private static LabCount WaitForQuiet(CentralLogServer central, Stopwatch since)
    {
        var last = LabCount.Of(central.Lines(), Messages);
        var lastChange = Stopwatch.StartNew();
        while (since.Elapsed < SettleTimeout)
        {
            Thread.Sleep(250);
            var now = LabCount.Of(central.Lines(), Messages);
            if (now.Distinct == Messages && lastChange.Elapsed > TimeSpan.FromSeconds(2))
            {
                return now;
            }
            if (now.Distinct != last.Distinct || now.Duplicates != last.Duplicates)
            {
                last = now;
                lastChange.Restart();
            }
            else if (lastChange.Elapsed > QuietPeriod && now.Distinct > 0)
            {
                return now;
            }
        }
        return last;
    }
}
