using System.Diagnostics;
using System.Globalization;
using HostAgent.Core.Configuration;
using HostAgent.Core.Syslog;
using HostAgent.Core.Units;
using HostAgent.SystemTests.Node;
using HostAgent.TestLab;
using HostAgent.TestLab.Node;
using HostAgent.TestLab.Syslog;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.SystemTests.Syslog;

/// <summary>
/// On a booted node (systemd as PID 1), the units the agent renders hold the log socket for rsyslog: a client
/// with no retry at all loses nothing through it while rsyslog restarts, and loses about a second's worth per
/// restart through a plain socket rsyslogd makes itself. Both clients run at once against the same rsyslog.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class HeldSocketNodeTests
{
    private const int Datagrams = 8_000;
    private const int Restarts = 3;
    private const string HeldTag = "held-client";
    private const string PlainTag = "plain-client";
    private const string PlainDirectory = "/run/plain-syslog";
    private const int SinkPort = 10514;
    /// <summary>Where the outage test forwards: nothing listens there, so the forward action buffers on disk.</summary>
    private const int AbsentPort = 10599;

    /// <summary>One datagram a millisecond on a fixed schedule, sendto by path each time, errors counted and never retried.</summary>
    private const string Client = """
        import socket, sys, time
        path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        errors = 0
        start = time.monotonic()
        print("started", flush=True)
        for i in range(count):
            try:
                s.sendto(("<14>%s %s: seq %d" % (time.strftime("%b %d %H:%M:%S"), tag, i)).encode(), path)
            except OSError:
                errors += 1
            delay = start + (i + 1) / 1000.0 - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        print("done errors=%d" % errors, flush=True)
        """;

    private readonly NodeFixture _fixture;
    private readonly ITestOutputHelper _output;

    public HeldSocketNodeTests(NodeFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [SkippableFact]
    public void Restart_ThreeTimesWhileClientsSend_HeldSocketLosesNothingPlainSocketLosesAboutASecondEach()
    {
        using var node = _fixture.Boot();
        // The forward goes to a sink in the same rsyslogd, and every start of rsyslog is held back 1 s: what is
        // measured is the socket across a restart as long as one that loads a disk queue (about 1.1 s here).
        var settings = new SyslogSettings { Servers = new([new SyslogServerSettings("127.0.0.1", SinkPort, SyslogTransport.Tcp)]) };
        var facts = Prepare(node, settings, slowStart: true);
        var run = SendWhileRestarting(node, settings);

        Assert.Equal(0, run.HeldErrors);
        AssertHeldLostNothing(node, run.Held);
        // About a second's worth (one datagram a millisecond) per restart: each start is held back 1 s.
        Assert.InRange(run.Plain.Lost, Restarts * 300, Restarts * 2_500);

        // A changed socket unit, applied as the agent's plan does: write, daemon-reload, restart the socket unit
        // (which restarts rsyslog after it), restart rsyslog.
        var changed = SyslogDesired.From(settings with { SocketMode = Convert.ToInt32("660", 8) }, facts, ServiceControl.Systemd, false);
        node.WriteFile(HeldSocketUnits.SocketUnitPath, changed.UnitFiles[0].Content);
        node.Check("systemctl", "daemon-reload");
        var socketRestart = node.Exec("systemctl", "restart", HeldSocketUnits.SocketUnit);
        Assert.True(socketRestart.Succeeded, socketRestart.StdErr);
        node.Check("systemctl", "restart", "rsyslog");
        Assert.Equal("active", node.Property("rsyslog.service", "ActiveState"));
        Assert.Equal("660", node.Check("stat", "-c", "%a", settings.SocketPath).StdOut.Trim());
        node.Check("python3", "/root/client.py", settings.SocketPath, HeldTag, "1");
        Assert.True(Lab.WaitUntil(() => node.Exec("cat", $"/var/log/{HeldTag}.log").StdOut.Split('\n').Count(l => l.EndsWith(": seq 0", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(10)),
            "a datagram through the re-bound socket did not arrive");
    }

    /// <summary>
    /// With the central server away, the forward action's disk-assisted queue grows by thousands of messages, and
    /// each restart takes over a second to save and reopen it. What the held socket delivered to a stopping rsyslogd
    /// waits in the socket's own disk-assisted ruleset queue, which is saved at shutdown, not in the node's
    /// in-memory main queue, which a slow shutdown discards.
    /// </summary>
    [SkippableFact]
    public void Restart_ThreeTimesDuringOutage_HeldSocketLosesNothing()
    {
        using var node = _fixture.Boot();
        var settings = new SyslogSettings { Servers = new([new SyslogServerSettings("127.0.0.1", AbsentPort, SyslogTransport.Tcp)]) };
        Prepare(node, settings, slowStart: false);
        var run = SendWhileRestarting(node, settings);

        Assert.Equal(0, run.HeldErrors);
        AssertHeldLostNothing(node, run.Held);
        // rsyslogd makes the plain socket again at each start: what was sent while it was down is gone.
        Assert.True(run.Plain.Lost > 0, run.Plain.ToString());
    }

    /// <summary>
    /// The node's own rules stall (an output that takes nothing for 4 s after every start, as a remote action
    /// without a queue of its own does while its server is away), so a backlog waits inside rsyslogd at every
    /// restart. Through the held socket it waits in the socket's queue and is saved at shutdown; in the in-memory
    /// main queue it would be discarded when the stopping rsyslogd could not drain it.
    /// </summary>
    [SkippableFact]
    public void Restart_ThreeTimesWhileTheNodesRulesStall_HeldSocketLosesNothing()
    {
        using var node = _fixture.Boot();
        var settings = new SyslogSettings { Servers = new([new SyslogServerSettings("127.0.0.1", SinkPort, SyslogTransport.Tcp)]) };
        node.WriteFile("/root/stall.sh", "#!/bin/sh\nsleep 4\nexec cat > /dev/null\n");
        node.Check("chmod", "755", "/root/stall.sh");
        Prepare(node, settings, slowStart: false, """action(type="omprog" binary="/root/stall.sh")""");
        var run = SendWhileRestarting(node, settings);

        Assert.Equal(0, run.HeldErrors);
        AssertHeldLostNothing(node, run.Held);
    }

    /// <summary>Puts the agent's units and drop-in on the node, with the lab's files and sink, and restarts rsyslog onto them.</summary>
    private static RsyslogFacts Prepare(BootedNode node, SyslogSettings settings, bool slowStart, string firstRule = "")
    {
        Skip.IfNot(node.Exec("python3", "--version").Succeeded, "the node image has no python3 for the client");
        // Debian's main config loads imuxsock; the drop-in must not load it again.
        var facts = new RsyslogFacts(true, new(["imuxsock", "imklog"]));
        var desired = SyslogDesired.From(settings, facts, ServiceControl.Systemd, false);
        Assert.Equal(SocketHolder.Systemd, desired.Holder);
        node.Check("mkdir", "-p", settings.Directory, PlainDirectory, settings.StateDirectory);
        foreach (var file in desired.UnitFiles)
        {
            node.Check("mkdir", "-p", Path.GetDirectoryName(file.Path)!);
            node.WriteFile(file.Path, file.Content);
        }
        node.WriteFile(desired.DropIn.Path, desired.DropIn.Content);
        if (slowStart)
        {
            node.Check("mkdir", "-p", "/etc/systemd/system/rsyslog.service.d");
            node.WriteFile("/etc/systemd/system/rsyslog.service.d/50-lab-slow-start.conf", "[Service]\nExecStartPre=/bin/sleep 1\n");
        }
        node.WriteFile("/etc/rsyslog.d/20-lab.conf", $$"""
            module(load="imtcp")
            input(type="imtcp" address="127.0.0.1" port="{{SinkPort}}" ruleset="sink")
            ruleset(name="sink") { stop }
            input(type="imuxsock" Socket="{{PlainDirectory}}/log")
            module(load="omprog")
            {{firstRule}}
            if $programname == "{{HeldTag}}" then { action(type="omfile" file="/var/log/{{HeldTag}}.log") stop }
            if $programname == "{{PlainTag}}" then { action(type="omfile" file="/var/log/{{PlainTag}}.log") stop }
            """);
        node.WriteFile("/root/client.py", Client);
        node.Check("systemctl", "daemon-reload");
        node.Check("systemctl", "enable", HeldSocketUnits.SocketUnit);
        // As the agent applies it: systemd refuses to start a socket unit whose service runs, so rsyslog's restart
        // pulls the socket unit in (Requires=, After=) while rsyslog is down.
        var restarted = node.Exec("systemctl", "restart", "rsyslog");
        Assert.True(restarted.Succeeded, restarted.StdErr + node.Exec("journalctl", "-u", HeldSocketUnits.SocketUnit, "-u", "rsyslog", "--no-pager", "-o", "cat").StdOut);
        Assert.Equal("active", node.Property(HeldSocketUnits.SocketUnit, "ActiveState"));
        Assert.True(Lab.WaitUntil(() => node.Exec("test", "-S", $"{PlainDirectory}/log").Succeeded, TimeSpan.FromSeconds(10)));
        // systemd and rsyslogd both hold the one socket at the path: imuxsock took it over instead of making its own.
        var holders = node.Check("ss", "-xapn", "src", settings.SocketPath).StdOut;
        Assert.True(holders.Contains("\"systemd\"", StringComparison.Ordinal) && holders.Contains("\"rsyslogd\"", StringComparison.Ordinal), holders);
        return facts;
    }

    private sealed record ClientRun(LabCount Held, LabCount Plain, int HeldErrors, int PlainErrors);

    /// <summary>Both clients send side by side while rsyslog is restarted; counts what reached the node's files.</summary>
    private ClientRun SendWhileRestarting(BootedNode node, SyslogSettings settings)
    {
        using var held = node.Stream("python3", "/root/client.py", settings.SocketPath, HeldTag, Datagrams.ToString(CultureInfo.InvariantCulture));
        using var plain = node.Stream("python3", "/root/client.py", $"{PlainDirectory}/log", PlainTag, Datagrams.ToString(CultureInfo.InvariantCulture));
        Assert.True(held.WaitFor(l => l == "started", TimeSpan.FromSeconds(10)) && plain.WaitFor(l => l == "started", TimeSpan.FromSeconds(10)));
        var restarts = new List<double>();
        for (var i = 0; i < Restarts; i++)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(i == 0 ? 1000 : 800));
            var restart = Stopwatch.StartNew();
            node.Check("systemctl", "restart", "rsyslog");
            restarts.Add(restart.Elapsed.TotalSeconds);
        }
        Assert.True(held.WaitFor(l => l.StartsWith("done", StringComparison.Ordinal), TimeSpan.FromSeconds(60)));
        Assert.True(plain.WaitFor(l => l.StartsWith("done", StringComparison.Ordinal), TimeSpan.FromSeconds(60)));

        // Both clients sent side by side into one rsyslogd: once the held client's last datagram is written, the
        // plain client's are too, or they were lost.
        var run = new ClientRun(Settle(node, HeldTag, TimeSpan.FromSeconds(30)), Settle(node, PlainTag, TimeSpan.FromSeconds(3)), Errors(held), Errors(plain));
        _output.WriteLine($"restarts: {string.Join(", ", restarts.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} s");
        _output.WriteLine($"held socket:  {run.Held}; send errors {run.HeldErrors}");
        _output.WriteLine($"plain socket: {run.Plain}; send errors {run.PlainErrors}");
        return run;
    }

    private static void AssertHeldLostNothing(BootedNode node, LabCount held)
    {
        // What rsyslogd said while it stopped: a queue not drained within its shutdown timeout is discarded.
        Assert.True(held.Lost == 0, $"{held} through the held socket; rsyslogd said:\n" + string.Join('\n',
            node.Exec("journalctl", "-u", "rsyslog", "--no-pager", "-o", "cat").StdOut.Split('\n')
                .Where(static l => l.Contains("discard", StringComparison.OrdinalIgnoreCase) || l.Contains("timeout", StringComparison.OrdinalIgnoreCase)
                    || l.Contains("exiting", StringComparison.OrdinalIgnoreCase) || l.Contains("start", StringComparison.OrdinalIgnoreCase))));
        Assert.Equal(0, held.Duplicates);
    }

    /// <summary>
    /// Counts once everything arrived, or once nothing more has arrived for <paramref name="quiet"/>. rsyslogd can
    /// pause for many seconds while it feeds the forward action's disk queue (when the central server is away,
    /// every restart re-opens thousands of queued messages), so a short quiet spell does not mean it is done.
    /// </summary>
    private static LabCount Settle(BootedNode node, string tag, TimeSpan quiet)
    {
        LabCount Count() => LabCount.Of(node.Exec("cat", $"/var/log/{tag}.log").StdOut.Split('\n'), Datagrams, tag);
        var last = Count();
        var stable = Stopwatch.StartNew();
        var overall = Stopwatch.StartNew();
        while (last.Distinct < Datagrams && stable.Elapsed < quiet && overall.Elapsed < TimeSpan.FromSeconds(90))
        {
            Thread.Sleep(500);
            var now = Count();
            if (now.Distinct != last.Distinct)
            {
                last = now;
                stable.Restart();
            }
        }
        return last;
    }

    private static int Errors(NodeStream client)
    {
        var done = client.Lines.First(l => l.StartsWith("done", StringComparison.Ordinal));
        return int.Parse(done["done errors=".Length..], CultureInfo.InvariantCulture);
    }
}
