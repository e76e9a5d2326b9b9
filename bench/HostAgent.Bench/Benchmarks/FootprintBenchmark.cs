using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HostAgent.Bench.Clients;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;

namespace HostAgent.Bench.Benchmarks;

/// <summary>
/// Start time, memory and idle CPU of the AOT and JIT agents and of node_exporter, each in a namespace of its own,
/// one after the other, with the same config.
/// </summary>
internal static partial class FootprintBenchmark
{
    private const int LauncherRuns = 20;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        var launcher = await LauncherOverheadAsync(options).ConfigureAwait(false);
        Console.Error.WriteLine("bench: footprint: warm-up start of each agent (not counted)");
        foreach (var target in new[] { options.Aot, options.Jit })
        {
            await using var warmUp = await AgentRig.StartAsync(options, target, "30s", Readiness.Answering, cancellationToken).ConfigureAwait(false);
        }
        var starts = new Dictionary<string, List<StartTimes>>
        {
            [options.Aot.Label] = [],
            [options.Jit.Label] = [],
            ["node_exporter"] = [],
        };
        for (var run = 0; run < options.StartRuns; run++)
        {
            Console.Error.WriteLine($"bench: footprint: cold starts, round {run + 1}/{options.StartRuns}");
            foreach (var target in new[] { options.Aot, options.Jit })
            {
                starts[target.Label].Add(await StartAgentAsync(options, target, cancellationToken).ConfigureAwait(false));
            }
            starts["node_exporter"].Add(await StartNodeExporterAsync(options, cancellationToken).ConfigureAwait(false));
        }
        var steady = new List<Steady>();
        foreach (var target in new[] { options.Aot, options.Jit })
        {
            Console.Error.WriteLine($"bench: footprint: {target.Label}: settle {options.SettleTime.TotalSeconds:0} s, idle {options.IdleTime.TotalSeconds:0} s, {options.StatusCalls} GetStatus, {options.ScrapesForRss} scrapes");
            steady.Add(await SteadyAgentAsync(options, target, cancellationToken).ConfigureAwait(false));
        }
        Console.Error.WriteLine($"bench: footprint: node_exporter: settle, idle {options.IdleTime.TotalSeconds:0} s, {options.ScrapesForRss} scrapes");
        steady.Add(await SteadyNodeExporterAsync(options, cancellationToken).ConfigureAwait(false));
        Write(options, report, launcher, starts, steady);
    }

    /// <summary>What `ip netns exec` itself adds to every start: the median time to run /bin/true through it.</summary>
    private static async Task<double> LauncherOverheadAsync(BenchOptions options)
    {
        await using var node = await BenchNode.CreateAsync(options.NamespacePrefix).ConfigureAwait(false);
        var times = new List<double>();
        for (var i = 0; i < LauncherRuns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await Command.RunAsync("ip", "netns", "exec", node.Name, "/bin/true").ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Latency.Median(times);
    }

    private static async Task<StartTimes> StartAgentAsync(BenchOptions options, Target target, CancellationToken cancellationToken)
    {
        await using var rig = await AgentRig.StartAsync(options, target, "30s", Readiness.Answering, cancellationToken).ConfigureAwait(false);
        double logged = double.NaN;
        try
        {
            var line = await rig.Process.FirstReconcileLine.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (LoggedStart().Match(line) is { Success: true } match)
            {
                logged = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"bench: footprint: {target.Label} did not log its first reconcile");
        }
        return new StartTimes(
            Latency.ToMilliseconds(rig.FirstReconcileTicks),
            Latency.ToMilliseconds(rig.FirstAnswerTicks),
            Latency.ToMilliseconds(rig.MetricsListeningTicks),
            logged);
    }

    private static async Task<StartTimes> StartNodeExporterAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        await using var node = await BenchNode.CreateAsync(options.NamespacePrefix).ConfigureAwait(false);
        var process = node.StartNodeExporter(options.NodeExporter);
        var listening = Waits.UntilAsync(() => node.AcceptsAsync(BenchNode.NodeExporterPort), cancellationToken);
        var at = await Waits.ForAsync(listening, process, StartTimeout, "listening port", cancellationToken).ConfigureAwait(false);
        return new StartTimes(double.NaN, double.NaN, Latency.ToMilliseconds(at - process.StartedAt), double.NaN);
    }

    private static async Task<Steady> SteadyAgentAsync(BenchOptions options, Target target, CancellationToken cancellationToken)
    {
        await using var rig = await AgentRig.StartAsync(options, target, "30s", Readiness.Listening, cancellationToken).ConfigureAwait(false);
        var (settled, idle) = await SettleAndIdleAsync(options, rig.Process, cancellationToken).ConfigureAwait(false);
        var calls = Stopwatch.StartNew();
        for (var i = 0; i < options.StatusCalls; i++)
        {
            await rig.Rpc.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        calls.Stop();
        var afterCalls = rig.Process.Sample();
        await Task.Delay(options.SettleTime, cancellationToken).ConfigureAwait(false);
        var afterCallsSettled = rig.Process.Sample();
        var (afterScrapes, metrics) = await ScrapeAsync(options, rig.Node, BenchNode.AgentMetricsPort, rig.Process, cancellationToken).ConfigureAwait(false);
        return new Steady(target.Label, settled, idle, afterCalls, afterCallsSettled, calls.Elapsed, afterScrapes, rig.Process.Mappings, GcFigures(metrics));
    }

    private static async Task<Steady> SteadyNodeExporterAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        await using var node = await BenchNode.CreateAsync(options.NamespacePrefix).ConfigureAwait(false);
        var process = node.StartNodeExporter(options.NodeExporter);
        var listening = Waits.UntilAsync(() => node.AcceptsAsync(BenchNode.NodeExporterPort), cancellationToken);
        await Waits.ForAsync(listening, process, StartTimeout, "listening port", cancellationToken).ConfigureAwait(false);
        var (settled, idle) = await SettleAndIdleAsync(options, process, cancellationToken).ConfigureAwait(false);
        var (afterScrapes, _) = await ScrapeAsync(options, node, BenchNode.NodeExporterPort, process, cancellationToken).ConfigureAwait(false);
        return new Steady("node_exporter", settled, idle, null, null, TimeSpan.Zero, afterScrapes, process.Mappings, (double.NaN, double.NaN));
    }

    private static async Task<(ProcSample Settled, ProcSample Idle)> SettleAndIdleAsync(
        BenchOptions options, NodeProcess process, CancellationToken cancellationToken)
    {
        await Task.Delay(options.SettleTime, cancellationToken).ConfigureAwait(false);
        var settled = process.Sample();
        process.Mappings = FileMappings.Largest(process.Id, 3);
        await Task.Delay(options.IdleTime, cancellationToken).ConfigureAwait(false);
        process.ThrowIfExited();
        return (settled, process.Sample());
    }

    /// <summary>Scrapes /metrics repeatedly; returns the memory afterwards and the first body, which the agents fill with their GC figures.</summary>
    private static async Task<(ProcSample After, string FirstBody)> ScrapeAsync(
        BenchOptions options, BenchNode node, int port, NodeProcess process, CancellationToken cancellationToken)
    {
        using var http = NodeHttp.Create(node);
        var first = "";
        for (var i = 0; i < options.ScrapesForRss; i++)
        {
            var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), cancellationToken).ConfigureAwait(false);
            if (i == 0)
            {
                first = body;
            }
        }
        return (process.Sample(), first);
    }

    /// <summary>
    /// The agent's own view of its managed heap, from the System.Runtime meters it exports: the heap left after the last
    /// collection (all generations) and the memory the GC had committed then, in bytes; NaN when absent.
    /// </summary>
    private static (double Heap, double Committed) GcFigures(string metrics)
    {
        double heap = 0, committed = double.NaN;
        var any = false;
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith("system_runtime_dotnet_gc_last_collection_heap_size{", StringComparison.Ordinal))
            {
                heap += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                any = true;
            }
            else if (line.StartsWith("system_runtime_dotnet_gc_last_collection_memory_committed_size ", StringComparison.Ordinal))
            {
                committed = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return (any ? heap : double.NaN, committed);
    }

    private static void Write(
        BenchOptions options, Markdown report, double launcher, Dictionary<string, List<StartTimes>> starts, List<Steady> steady)
    {
        report.Heading("Footprint");
        report.Paragraph(
            $"Cold starts: {options.StartRuns} per binary, each in a new namespace (so the first reconcile has to create cbr0), AOT, JIT " +
            "and node_exporter in turn, after one uncounted warm-up start of each agent. Times run from a Stopwatch read just before " +
            "Process.Start of `ip netns exec NS binary`: first reconcile = the netlink event of 10.216.0.1/24 being added, first " +
            "GetStatus = the first answered call (polled every millisecond), metrics port = the first accepted TCP connection. " +
            $"Median, with the range in brackets. `ip netns exec NS /bin/true` alone takes {Markdown.Ms(launcher)} ms (median of {LauncherRuns}), " +
            "which every start here includes.");
        report.Table(
            ["binary", "start → first reconcile ms", "start → first GetStatus ms", "start → metrics port ms", "agent's log: first reconcile after process start ms"],
            starts.Select(pair => new[]
            {
                pair.Key,
                Spread(pair.Value.Select(s => s.Reconcile)),
                Spread(pair.Value.Select(s => s.Answer)),
                Spread(pair.Value.Select(s => s.MetricsPort)),
                Spread(pair.Value.Select(s => s.Logged)),
            }));
        var byLabel = steady.ToDictionary(s => s.Label);
        var aot = byLabel[options.Aot.Label];
        var jit = byLabel[options.Jit.Label];
        var exporter = byLabel["node_exporter"];
        string Row3(Func<Steady, string> cell) => $"{cell(aot)} | {cell(jit)} | {cell(exporter)}";
        report.Paragraph(
            $"Memory and CPU: one more start of each, one after the other. Ready = the agent's gateway event and both sockets accepting " +
            $"(node_exporter: its port accepting), no request made; then {options.SettleTime.TotalSeconds:0} s to settle, RSS; " +
            $"{options.IdleTime.TotalSeconds:0} s idle, CPU = (utime+stime) from /proc/PID/stat over that window in % of one core " +
            $"(one clock tick = {1000 / Native.ClockTicksPerSecond} ms, so the resolution is {100.0 / Native.ClockTicksPerSecond / options.IdleTime.TotalSeconds:0.###} %); " +
            $"then {options.StatusCalls:N0} sequential GetStatus calls on one connection, RSS right after and {options.SettleTime.TotalSeconds:0} s later; then {options.ScrapesForRss} sequential /metrics scrapes. " +
            "The agents run with resyncInterval 30s (the packaged default), so the idle window includes periodic resyncs. MiB = 1024 kB as /proc reports.");
        var lines = new List<string>
        {
            "| | AOT | JIT | node_exporter |",
            "|---|---|---|---|",
            $"| RSS after start + {options.SettleTime.TotalSeconds:0} s, MiB | {Row3(s => Markdown.Mib(s.Settled.RssKb))} |",
            $"| &nbsp;&nbsp;anonymous / file-backed, MiB | {Row3(s => $"{Markdown.Mib(s.Settled.RssAnonKb)} / {Markdown.Mib(s.Settled.RssFileKb)}")} |",
            $"| &nbsp;&nbsp;largest files mapped, MiB | {Row3(s => string.Join(", ", s.Mappings.Select(m => $"{m.File} {Markdown.Mib(m.RssKb)}")))} |",
            $"| threads | {Row3(s => s.Settled.Threads.ToString(CultureInfo.InvariantCulture))} |",
            $"| idle CPU over {options.IdleTime.TotalSeconds:0} s, % of one core | {Row3(s => Markdown.Number(ProcSample.CpuPercent(s.Settled, s.Idle), "0.000"))} |",
            $"| RSS after the idle window, MiB | {Row3(s => Markdown.Mib(s.Idle.RssKb))} |",
            $"| RSS after {options.StatusCalls:N0} GetStatus, MiB | {Row3(s => s.AfterCalls is { } c ? Markdown.Mib(c.RssKb) : "n/a")} |",
            $"| &nbsp;&nbsp;anonymous / file-backed, MiB | {Row3(s => s.AfterCalls is { } c ? $"{Markdown.Mib(c.RssAnonKb)} / {Markdown.Mib(c.RssFileKb)}" : "n/a")} |",
            $"| &nbsp;&nbsp;GC heap after its last collection / GC committed, MiB (from the agent's own /metrics, first scrape after the calls) | {Row3(s => double.IsNaN(s.Gc.Committed) ? "n/a" : $"{Markdown.Number(s.Gc.Heap / 1048576, "0.0")} / {Markdown.Number(s.Gc.Committed / 1048576, "0.0")}")} |",
            $"| RSS {options.SettleTime.TotalSeconds:0} s after the calls, MiB | {Row3(s => s.AfterCallsSettled is { } c ? Markdown.Mib(c.RssKb) : "n/a")} |",
            $"| {options.StatusCalls:N0} GetStatus took, s (µs per call) | {Row3(s => s.AfterCalls is null ? "n/a" : $"{s.Calls.TotalSeconds:0.00} ({s.Calls.TotalMilliseconds * 1000 / options.StatusCalls:0})")} |",
            $"| RSS after {options.ScrapesForRss} /metrics scrapes, MiB | {Row3(s => Markdown.Mib(s.AfterScrapes.RssKb))} |",
            $"| peak RSS (VmHWM), MiB | {Row3(s => Markdown.Mib(s.AfterScrapes.HwmKb))} |",
        };
        report.Paragraph(string.Join('\n', lines));
        report.Paragraph(
            $"JIT / AOT: RSS after start {Markdown.Ratio(jit.Settled.RssKb, aot.Settled.RssKb)}, after the calls " +
            $"{Markdown.Ratio(jit.AfterCalls!.Value.RssKb, aot.AfterCalls!.Value.RssKb)}, first reconcile " +
            $"{Markdown.Ratio(Latency.Median(starts[options.Jit.Label].Select(s => s.Reconcile)), Latency.Median(starts[options.Aot.Label].Select(s => s.Reconcile)))}; " +
            $"AOT / node_exporter RSS after start {Markdown.Ratio(aot.Settled.RssKb, exporter.Settled.RssKb)}.");
        report.Goal("start → first reconcile (AOT, median)", Latency.Median(starts[options.Aot.Label].Select(s => s.Reconcile)), 50, "ms");
        report.Goal("RSS idle (AOT)", aot.Settled.RssKb / 1024.0, 20, "MiB");
        report.Goal($"RSS after {options.StatusCalls:N0} GetStatus (AOT)", aot.AfterCalls.Value.RssKb / 1024.0, 30, "MiB");
        report.Goal("idle CPU (AOT)", ProcSample.CpuPercent(aot.Settled, aot.Idle), 0.1, "%");
    }

    private static string Spread(IEnumerable<double> values)
    {
        var list = values.Where(v => !double.IsNaN(v)).ToList();
        return list.Count == 0 ? "n/a" : $"{Markdown.Ms(Latency.Median(list))} [{Markdown.Ms(list.Min())}–{Markdown.Ms(list.Max())}]";
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) ms after process start")]
    private static partial Regex LoggedStart();

    private sealed record StartTimes(double Reconcile, double Answer, double MetricsPort, double Logged);

    private sealed record Steady(string Label, ProcSample Settled, ProcSample Idle, ProcSample? AfterCalls, ProcSample? AfterCallsSettled, TimeSpan Calls, ProcSample AfterScrapes,
        IReadOnlyList<(string File, long RssKb)> Mappings, (double Heap, double Committed) Gc);
}
