using System.Diagnostics;
using System.Globalization;
using HostAgent.Bench.Clients;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;
using HostAgent.Daemon.Logging;
using Serilog;

namespace HostAgent.Bench.Benchmarks;

/// <summary>
/// The logging pipeline: how fast the agent's own RFC 5424 sink puts messages into a real rsyslogd's socket and
/// what that costs in CPU; and how long the AOT agent takes from its log socket being removed (rsyslogd stopped)
/// to reporting the pipeline healthy again (rsyslogd started, socket accepting, component in sync).
/// </summary>
internal static class SyslogBenchmark
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        report.Heading("Syslog: the agent's log sink, and recovery after the log socket is removed");
        await SinkAsync(options, report, cancellationToken).ConfigureAwait(false);
        await RecoveryAsync(options, report, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SinkAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        var messages = options.Quick ? 20_000 : 100_000;
        const int Runs = 3;
        using var rsyslog = BenchRsyslog.Start();
        var results = new List<SinkRun>();
        for (var run = 0; run < Runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Console.Error.WriteLine($"bench: syslog: sink run {run + 1}/{Runs}, {messages:N0} messages");
            results.Add(await SinkRunAsync(rsyslog, messages, run, cancellationToken).ConfigureAwait(false));
        }
        var median = results.OrderBy(r => r.PerSecond).ElementAt(Runs / 2);
        report.Paragraph(
            $"The sink (`UnixSyslogSink`, the agent's own code, run in the benchmark process with the JIT) writes {messages:N0} " +
            "Serilog events, each with two properties and an event id, to a real rsyslogd's unix socket in a temporary directory " +
            "(rsyslogd writes them to a file). Rate = messages accepted by the socket per second of wall time from the first " +
            "`Emit` until the last datagram was sent; CPU = the process's user+system time over the same window, per 10,000 messages; " +
            $"emit = the caller's time in `Emit` (formatting included: the caller never waits for the socket). {Runs} runs, each shown; the median run is marked.");
        report.Table(
            ["run", "messages/s into the socket", "CPU per 10,000 messages, ms", "emit, µs per message", "dropped", "arrived at rsyslogd"],
            results.Select(r => new[]
            {
                (r == median ? "**" : "") + (r.Index + 1).ToString(CultureInfo.InvariantCulture) + (r == median ? " (median)**" : ""),
                Markdown.Number(r.PerSecond, "N0"),
                Markdown.Number(r.CpuMs * 10_000 / messages, "0.0"),
                Markdown.Number(r.EmitMs * 1000 / messages, "0.00"),
                r.Dropped.ToString(CultureInfo.InvariantCulture),
                r.Arrived.ToString("N0", CultureInfo.InvariantCulture),
            }));
    }

    private static async Task<SinkRun> SinkRunAsync(BenchRsyslog rsyslog, int messages, int index, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the agent's sink writes to a unix socket on Linux");
        }
        var before = rsyslog.Lines();
        // Room for every message: the rate is the socket's, not the queue's drop policy.
        using var sink = new UnixSyslogSink(rsyslog.SocketPath, new Rfc5424Formatter("bench", "hostagent", Environment.ProcessId), capacity: messages);
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            logger.Information("{Component}: reconcile run {Run} in sync", "syslog", i);
        }
        var emitted = clock.Elapsed;
        while (sink.Sent < messages && clock.Elapsed < DeliveryTimeout)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var arrived = 0;
        for (var wait = 0; wait < 200 && (arrived = rsyslog.Lines() - before) < sink.Sent; wait++)
        {
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
        return new SinkRun(index, sink.Sent / elapsed.TotalSeconds, cpu.TotalMilliseconds, emitted.TotalMilliseconds, sink.Dropped, arrived);
    }

    private static async Task RecoveryAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        var iterations = options.Quick ? 5 : 20;
        await using var node = await BenchNode.CreateAsync(options.NamespacePrefix).ConfigureAwait(false);
        var lab = BenchRsyslog.Files(node.Directory);
        var config = Path.Combine(node.Directory, "hostagent.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "agent": { "grpcSocket": "{{node.SocketPath}}", "resyncInterval": "1h", "metricsListen": "" },
              "network": { "podCidr": "10.216.0.0/24" },
              "syslog": {
                "directory": "{{lab.SocketDirectory}}", "holdSocket": false, "mainConfig": "{{lab.MainConfig}}",
                "dropInDirectory": "{{lab.DropIns}}", "spoolDirectory": "{{lab.Root}}", "stateDirectory": "{{lab.Root}}/state",
                "restartMinInterval": "100ms", "canaryInterval": "1h", "agentLogs": false,
                "startCommand": ["rsyslogd", "-n", "-f", "{{lab.MainConfig}}", "-i", "{{lab.PidFile}}"], "pidFile": "{{lab.PidFile}}"
              }
            }
            """, cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"bench: syslog: recovery, AOT agent in {node.Name}, {iterations} removals");
        var agent = node.Start(options.Aot.Label, options.Aot.Path, ["--config", config], options.Aot.Environment);
        using var rpc = new AgentRpc(node.SocketPath);
        // The agent brings the socket back within milliseconds, so its removal is timed by inotify, not by polling.
        long removedAt = 0;
        using var watcher = new FileSystemWatcher(lab.SocketDirectory, "log") { NotifyFilter = NotifyFilters.FileName };
        watcher.Deleted += (_, _) => Interlocked.CompareExchange(ref removedAt, Stopwatch.GetTimestamp(), 0);
        watcher.EnableRaisingEvents = true;
        var removalToHealthy = new List<double>();
        var stopToHealthy = new List<double>();
        try
        {
            await rpc.WaitUntilAnsweringAsync(node.SocketPath, RecoveryTimeout, cancellationToken).ConfigureAwait(false);
            if (!await HealthyAsync(rpc, lab, 0, cancellationToken).ConfigureAwait(false))
            {
                throw new TimeoutException("the agent did not bring the syslog pipeline up");
            }
            for (var i = 0; i < iterations; i++)
            {
                agent.ThrowIfExited();
                var pid = lab.Pid();
                Interlocked.Exchange(ref removedAt, 0);
                var stop = Stopwatch.GetTimestamp();
                Command.RunQuietly("kill", "-TERM", pid.ToString(CultureInfo.InvariantCulture));
                if (!await HealthyAsync(rpc, lab, pid, cancellationToken).ConfigureAwait(false))
                {
                    throw new TimeoutException($"removal {i + 1}: the agent did not report the pipeline healthy within {RecoveryTimeout.TotalSeconds:0} s");
                }
                var healthy = Stopwatch.GetTimestamp();
                var removed = Interlocked.Read(ref removedAt);
                if (removed == 0)
                {
                    throw new InvalidOperationException($"removal {i + 1}: no inotify event for the socket's removal");
                }
                removalToHealthy.Add(Stopwatch.GetElapsedTime(removed, healthy).TotalMilliseconds);
                stopToHealthy.Add(Stopwatch.GetElapsedTime(stop, healthy).TotalMilliseconds);
                // Past the restart rate limit, so every round measures the same thing.
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lab.KillRsyslogd();
        }
        report.Paragraph(
            "The AOT agent runs in a namespace of its own with a syslog section, running rsyslogd itself from `startCommand` " +
            "(no systemd in the lab) on a plain socket (`holdSocket: false`), so stopping rsyslogd removes the socket. " +
            $"{iterations} times: SIGTERM to rsyslogd; the socket's removal is timed by the benchmark's own inotify watch; GetStatus is called " +
            "until the syslog component is in sync, reports the socket present and accepting, and a new rsyslogd runs. " +
            "The agent learns of the removal from inotify, restarts rsyslogd, waits for its socket to take the canary and verifies.");
        report.Table(
            ["", "median, ms", "p90, ms", "max, ms"],
            [
                ["socket removed → agent reports healthy", .. Stats(removalToHealthy)],
                ["SIGTERM to rsyslogd → agent reports healthy", .. Stats(stopToHealthy)],
            ]);
    }

    private static async Task<bool> HealthyAsync(AgentRpc rpc, BenchRsyslog.LabFiles lab, int oldPid, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < RecoveryTimeout)
        {
            var status = await rpc.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var syslog = status.Components.FirstOrDefault(c => c.Name == "syslog");
            if (syslog is { InSync: true } && syslog.Observed.Any(f => f.Name == "socket" && f.Value.StartsWith("present, accepting", StringComparison.Ordinal))
                && lab.Pid() is var pid && pid != 0 && pid != oldPid)
            {
                return true;
            }
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
        return false;
    }

    private static string[] Stats(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return [Markdown.Ms(At(0.5)), Markdown.Ms(At(0.9)), Markdown.Ms(sorted[^1])];
    }

    private sealed record SinkRun(int Index, double PerSecond, double CpuMs, double EmitMs, long Dropped, int Arrived);
}
