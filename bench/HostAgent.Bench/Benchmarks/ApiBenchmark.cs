using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using HostAgent.Bench.Clients;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;
using HostAgent.Core.Networking;

namespace HostAgent.Bench.Benchmarks;

/// <summary>
/// GetStatus over the unix socket under concurrent load, quiet and while drift is injected, and /metrics latency
/// of both agents against node_exporter, all scraped in turn in the same run.
/// </summary>
internal static class ApiBenchmark
{
    private const int EAddrNotAvail = 99;
    private const int MetricsWarmUp = 20;
    private const int Slices = 5;
    // Long enough for the bench's own client code to reach its optimised tier before anything is counted.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("bench: api: starting the AOT agent with node_exporter beside it, and the JIT agent");
        await using var aot = await AgentRig.StartAsync(options, options.Aot, "30s", Readiness.Answering, cancellationToken).ConfigureAwait(false);
        var exporter = aot.Node.StartNodeExporter(options.NodeExporter);
        var listening = Waits.UntilAsync(() => aot.Node.AcceptsAsync(BenchNode.NodeExporterPort), cancellationToken);
        await Waits.ForAsync(listening, exporter, TimeSpan.FromSeconds(60), "listening port", cancellationToken).ConfigureAwait(false);
        await using var jit = await AgentRig.StartAsync(options, options.Jit, "30s", Readiness.Answering, cancellationToken).ConfigureAwait(false);

        var loads = new[] { aot, jit }
            .SelectMany(rig => new[] { new Load(rig.Target.Label, false), new Load(rig.Target.Label, true) })
            .ToArray();
        foreach (var rig in new[] { aot, jit })
        {
            await LoadAsync(options, rig, new Load(rig.Target.Label, false), WarmUp, cancellationToken).ConfigureAwait(false);
        }
        // Short slices in turn rather than one long phase each: both binaries and both phases see the same machine noise.
        var slice = options.ApiPhase / Slices;
        for (var round = 0; round < Slices; round++)
        {
            Console.Error.WriteLine($"bench: api: GetStatus, {options.ApiClients} clients, round {round + 1}/{Slices}: " +
                $"{slice.TotalSeconds:0.#} s quiet and {slice.TotalSeconds:0.#} s with drift every {options.DriftInterval.TotalMilliseconds:0} ms, per binary");
            foreach (var load in loads)
            {
                var rig = load.Label == aot.Target.Label ? aot : jit;
                await LoadAsync(options, rig, load, slice, cancellationToken).ConfigureAwait(false);
            }
        }

        Console.Error.WriteLine($"bench: api: /metrics, {options.MetricsRequests} requests per endpoint, in turn");
        using var aotHttp = NodeHttp.Create(aot.Node);
        using var exporterHttp = NodeHttp.Create(aot.Node);
        using var jitHttp = NodeHttp.Create(jit.Node);
        var endpoints = new[]
        {
            new Endpoint("AOT agent", aotHttp, BenchNode.AgentMetricsPort, aot.Process),
            new Endpoint("JIT agent", jitHttp, BenchNode.AgentMetricsPort, jit.Process),
            new Endpoint("node_exporter", exporterHttp, BenchNode.NodeExporterPort, exporter),
        };
        await ScrapeAsync(endpoints, MetricsWarmUp, record: false, cancellationToken).ConfigureAwait(false);
        await ScrapeAsync(endpoints, options.MetricsRequests, record: true, cancellationToken).ConfigureAwait(false);
        foreach (var endpoint in endpoints)
        {
            endpoint.After = endpoint.Process.Sample();
        }
        Write(options, report, loads, endpoints);
    }

    /// <summary>Runs the clients (and the injector, for a drift load) for <paramref name="duration"/>, adding to <paramref name="load"/>.</summary>
    private static async Task LoadAsync(BenchOptions options, AgentRig rig, Load load, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, options.ApiClients).Select(_ => new AgentRpc(rig.Node.SocketPath)).ToArray();
        try
        {
            // Connections are opened before the window, so it holds calls only.
            foreach (var client in clients)
            {
                await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            var injector = load.Drift ? new DriftInjector(rig, options.DriftInterval) : null;
            if (load.Drift)
            {
                rig.Watch.StartRecording();
            }
            var before = rig.Process.Sample();
            injector?.Start();
            var started = Stopwatch.GetTimestamp();
            var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var perClient = await Task.WhenAll(clients.Select(client => Task.Run(
                () => CallUntilAsync(client, end, cancellationToken), cancellationToken))).ConfigureAwait(false);
            load.Elapsed += Stopwatch.GetElapsedTime(started);
            injector?.Stop();
            var after = rig.Process.Sample();
            load.AgentCpuTicks += after.CpuTicks - before.CpuTicks;
            foreach (var (latencies, errors) in perClient)
            {
                load.Latencies.AddRange(latencies);
                load.Errors += errors;
            }
            if (injector is not null)
            {
                load.Repairs.AddRange(rig.Watch.StopRecording());
                load.Deleted += injector.Deleted;
                load.AlreadyAbsent += injector.AlreadyAbsent;
                await WaitForGatewayAsync(rig).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<(List<long> Latencies, int Errors)> CallUntilAsync(AgentRpc client, long end, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(100_000);
        var errors = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }
            catch (RpcException)
            {
                errors++;
            }
        }
        return (latencies, errors);
    }

    /// <summary>The next phase starts from the desired state: the last injected deletion must have been repaired.</summary>
    private static async Task WaitForGatewayAsync(AgentRig rig)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (rig.Kernel.GetAddresses(rig.BridgeIndex).Contains(GatewayWatch.Gateway))
            {
                return;
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
        throw new TimeoutException($"{rig.Target.Label}: the gateway address was not repaired within 2 s after the drift phase");
    }

    private static async Task ScrapeAsync(Endpoint[] endpoints, int requests, bool record, CancellationToken cancellationToken)
    {
        for (var i = 0; i < requests; i++)
        {
            foreach (var endpoint in endpoints)
            {
                var started = Stopwatch.GetTimestamp();
                var body = await endpoint.Http.GetByteArrayAsync(endpoint.Uri, cancellationToken).ConfigureAwait(false);
                var ticks = Stopwatch.GetTimestamp() - started;
                if (record)
                {
                    endpoint.Latencies.Add(ticks);
                    endpoint.Bytes = body.Length;
                }
            }
        }
    }

    private static void Write(BenchOptions options, Markdown report, Load[] loads, Endpoint[] endpoints)
    {
        report.Heading("API");
        report.Paragraph(
            $"GetStatus: {options.ApiClients} clients, each with its own channel and connection to the agent's unix socket, calling in a loop " +
            $"for {options.ApiPhase.TotalSeconds:0} s per binary and phase after a {WarmUp.TotalSeconds:0} s warm-up, run as {Slices} rounds in which " +
            "AOT quiet, AOT drift, JIT quiet and JIT drift take turns; \"quiet\" without drift, \"drift\" while a thread " +
            $"deletes 10.216.0.1/24 every {options.DriftInterval.TotalMilliseconds:0} ms (a deletion that finds the address already gone is " +
            "counted as absent). The bench client, the agent and the injector share the machine's cores, so calls/s is a lower bound " +
            "for the agent alone. Agent CPU is its utime+stime over the window in % of one core.");
        report.Table(
            ["binary", "phase", "calls", "calls/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "agent CPU %", "deletions (absent)", "repairs seen, p50 / p99 ms"],
            loads.Select(load => new[]
            {
                load.Label, load.Drift ? "drift" : "quiet", Count(load.Latency.Count), Markdown.Number(Rate(load), "0"),
                Markdown.Ms(load.Latency.P50), Markdown.Ms(load.Latency.P90), Markdown.Ms(load.Latency.P99), Markdown.Ms(load.Latency.Max),
                Count(load.Errors), Markdown.Number(load.AgentCpu, "0"),
                load.Drift ? $"{Count(load.Deleted)} ({Count(load.AlreadyAbsent)})" : "",
                load.Drift ? $"{Count(load.RepairLatency.Count)}, {Markdown.Ms(load.RepairLatency.P50)} / {Markdown.Ms(load.RepairLatency.P99)}" : "",
            }));
        var aotQuiet = loads.Single(l => l.Label == options.Aot.Label && !l.Drift);
        var jitQuiet = loads.Single(l => l.Label == options.Jit.Label && !l.Drift);
        var aotDrift = loads.Single(l => l.Label == options.Aot.Label && l.Drift);
        var jitDrift = loads.Single(l => l.Label == options.Jit.Label && l.Drift);
        report.Paragraph(
            $"JIT / AOT calls/s: quiet {Markdown.Ratio(Rate(jitQuiet), Rate(aotQuiet))}, drift {Markdown.Ratio(Rate(jitDrift), Rate(aotDrift))}; " +
            $"GetStatus p99 under drift vs quiet: AOT {Markdown.Ratio(aotDrift.Latency.P99, aotQuiet.Latency.P99)}, JIT {Markdown.Ratio(jitDrift.Latency.P99, jitQuiet.Latency.P99)}.");

        report.Paragraph(
            $"/metrics: HTTP/1.1 GET over the namespace's loopback, one kept-alive connection per endpoint, the three endpoints " +
            $"requested in turn ({MetricsWarmUp} uncounted rounds first), {options.MetricsRequests} requests each, no drift. " +
            "node_exporter runs with its default collectors in the AOT agent's namespace.");
        report.Table(
            ["endpoint", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms", "body bytes", "RSS after, MiB"],
            endpoints.Select(endpoint =>
            {
                var latency = Latency.FromTicks(endpoint.Latencies);
                return new[]
                {
                    endpoint.Name, Count(latency.Count), Markdown.Ms(latency.P50), Markdown.Ms(latency.P90), Markdown.Ms(latency.P99),
                    Markdown.Ms(latency.Max), Markdown.Ms(latency.Mean), Count(endpoint.Bytes), Markdown.Mib(endpoint.After.RssKb),
                };
            }));
        var aotMetrics = Latency.FromTicks(endpoints[0].Latencies);
        var jitMetrics = Latency.FromTicks(endpoints[1].Latencies);
        var exporterMetrics = Latency.FromTicks(endpoints[2].Latencies);
        report.Paragraph(
            $"node_exporter / AOT agent: p50 {Markdown.Ratio(exporterMetrics.P50, aotMetrics.P50)}, p99 {Markdown.Ratio(exporterMetrics.P99, aotMetrics.P99)}; " +
            $"JIT / AOT agent: p50 {Markdown.Ratio(jitMetrics.P50, aotMetrics.P50)}, p99 {Markdown.Ratio(jitMetrics.P99, aotMetrics.P99)}.");
        report.Goal("agent /metrics p50 (AOT)", aotMetrics.P50, 2, "ms");
        report.Goal("agent /metrics p99 (AOT)", aotMetrics.P99, 2, "ms");
    }

    private static double Rate(Load load) => load.Latencies.Count / load.Elapsed.TotalSeconds;

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>One binary and phase, summed over its rounds.</summary>
    private sealed class Load(string label, bool drift)
    {
        public string Label { get; } = label;

        public bool Drift { get; } = drift;

        public TimeSpan Elapsed { get; set; }

        public List<long> Latencies { get; } = [];

        public int Errors { get; set; }

        public long AgentCpuTicks { get; set; }

        public long Deleted { get; set; }

        public long AlreadyAbsent { get; set; }

        public List<long> Repairs { get; } = [];

        public Latency Latency => Latency.FromTicks(Latencies);

        public Latency RepairLatency => Latency.FromTicks(Repairs);

        public double AgentCpu => Elapsed > TimeSpan.Zero ? AgentCpuTicks / (double)Native.ClockTicksPerSecond / Elapsed.TotalSeconds * 100 : double.NaN;
    }

    private sealed class Endpoint(string name, HttpClient http, int port, NodeProcess process)
    {
        public string Name { get; } = name;

        public HttpClient Http { get; } = http;

        public Uri Uri { get; } = new($"http://127.0.0.1:{port}/metrics");

        public NodeProcess Process { get; } = process;

        public List<long> Latencies { get; } = [];

        public int Bytes { get; set; }

        public ProcSample After { get; set; }
    }

    /// <summary>Deletes the gateway address on a fixed period from a thread of its own, like a misbehaving neighbour.</summary>
    private sealed class DriftInjector(AgentRig rig, TimeSpan interval)
    {
        private Thread? _thread;
        private volatile bool _stopping;

        public long Deleted { get; private set; }

        public long AlreadyAbsent { get; private set; }

        public void Start()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "drift injector" };
            _thread.Start();
        }

        public void Stop()
        {
            _stopping = true;
            _thread?.Join();
        }

        private void Run()
        {
            while (!_stopping)
            {
                try
                {
                    rig.Kernel.DeleteAddress(rig.BridgeIndex, GatewayWatch.Gateway);
                    Deleted++;
                }
                catch (KernelNetworkException exception) when (exception.Errno == EAddrNotAvail)
                {
                    AlreadyAbsent++;
                }
                Thread.Sleep(interval);
            }
        }
    }
}
