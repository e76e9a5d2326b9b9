using System.Diagnostics;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;

namespace HostAgent.Bench.Benchmarks;

/// <summary>
/// From the agent's start on a fresh node to the node's /24 in its top-of-rack switch's kernel. Each run builds a
/// fresh node and ToR (<see cref="BgpRack"/>: two namespaces, a veth pair, a zebra in each, the ToR's bgpd
/// running), then starts the AOT agent, which creates the pod bridge, renders frr.conf and starts bgpd itself
/// (<c>bgp.startCommand</c>). The clock stops when the ToR's kernel announces the route (an rtnetlink
/// subscription in the ToR's namespace, no polling). The start is put at a random point of the ToR's 1 s connect
/// retry, as a node powered on next to a running switch would be. For comparison, on racks of their own in the same run:
/// bgpd alone, started by the benchmark with the config the agent renders, and with the same config less the two
/// lines that shorten FRR's first update (FRR's defaults). Along the way: when the agent's first reconcile put
/// the gateway address up, when bgpd wrote its pid file, and when the ToR logged the session Established.
/// </summary>
internal static class BgpStartBenchmark
{
    private static readonly TimeSpan RouteTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(2);

    private enum Case
    {
        Agent,
        Rendered,
        Defaults,
    }

    public static async Task RunAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        report.Heading("BGP: agent start on a fresh node → the node's /24 in the ToR's kernel");
        if (new[] { BgpRack.Bgpd, BgpRack.Zebra, BgpRack.Vtysh }.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            report.Paragraph($"Skipped: {missing} is not installed (`./build.sh deps` installs frr).");
            return;
        }
        var rendered = Render();
        var defaults = WithoutTuning(rendered);
        var cases = new[] { Case.Agent, Case.Rendered, Case.Defaults };
        var samples = cases.ToDictionary(c => c, _ => new List<Sample>());
        var mismatch = false;
        Console.Error.WriteLine($"bench: bgp: {options.BgpStarts} fresh-node starts per case: agent, bgpd with the rendered config, bgpd with FRR's defaults");
        for (var run = 1; run <= options.BgpStarts; run++)
        {
            foreach (var kind in cases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sample = await RunOnceAsync(options, kind, kind == Case.Defaults ? defaults : rendered, cancellationToken).ConfigureAwait(false);
                mismatch |= sample.ConfigDiffers;
                samples[kind].Add(sample);
                Console.Error.WriteLine($"bench: bgp: run {run}, {kind}: route after {Markdown.Ms(Latency.ToMilliseconds(sample.Route))} ms");
            }
        }

        report.Paragraph(
            $"{options.BgpStarts} runs per case on FRR {BgpApplyBenchmark.FrrVersion()}, each on a fresh node and ToR (two namespaces joined by a veth pair, " +
            "a zebra in each, the ToR's bgpd running with the integration tests' ToR config: no policy needed, `timers bgp 1 3`, `timers connect 1`). " +
            "Each start waits until the ToR is past its start timer and retrying the node every second, as a switch that has run for a while, " +
            "then a random 0-1 s more, so the node comes up at a random point of the ToR's retry. " +
            "The time runs from just before the process is started (`ip netns exec`) to the ToR kernel's RTM_NEWROUTE for " +
            $"`{BgpRack.PodNetwork}/{BgpRack.PodPrefixLength} via {BgpRack.NodeAddress} proto bgp`, received on an rtnetlink socket in the ToR's namespace. " +
            "The agent starts with the network and bgp sections only: it creates the bridge, renders frr.conf and starts bgpd (`bgp.startCommand`, `bgpd -d`). " +
            "bgpd alone is started by the benchmark on a node whose bridge is already up, with the config the agent renders, " +
            $"and with the same config less `{BgpConfigRenderer.RouteMapDelayLine}` and `{BgpConfigRenderer.CoalesceTimeLine}` (FRR's defaults)." +
            (mismatch ? " **The agent's frr.conf differed from the benchmark's rendering in at least one run (see stderr).**" : ""));
        report.Table(
            ["case", "median ms", "range ms", "bridge up (agent) ms", "bgpd pid file ms", "ToR: Established ms", "Established → route ms"],
            [
                Row("agent start → ToR kernel route (agent creates the bridge, renders frr.conf, starts bgpd)", samples[Case.Agent]),
                Row("bgpd start → ToR kernel route, the agent's rendered config", samples[Case.Rendered]),
                Row($"bgpd start → ToR kernel route, FRR's defaults (no `{BgpConfigRenderer.RouteMapDelayLine}`, no `{BgpConfigRenderer.CoalesceTimeLine}`)", samples[Case.Defaults]),
            ]);
        report.Paragraph(
            "The columns after the range are medians from the same start: the agent's gateway address on the new bridge (its first reconcile), " +
            "bgpd's pid file written (bgpd up, about to read its config), the ToR logging the session Established (`bgp log-neighbor-changes`, " +
            "microsecond timestamps), and from there to the route in the ToR's kernel (the node's first update, the ToR's best path, zebra's install).");
        report.Goal("bgp: agent start → ToR kernel route (median)", Median(samples[Case.Agent], s => s.Route), 1500, "ms");
    }

    private static async Task<Sample> RunOnceAsync(BenchOptions options, Case kind, string config, CancellationToken cancellationToken)
    {
        await using var rack = await BgpRack.CreateAsync(options.NamespacePrefix, cancellationToken).ConfigureAwait(false);
        // A node comes up at no particular point of the ToR's 1 s connect retry: the start is put at a random one.
        await rack.WaitUntilTorRetriesAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(Random.Shared.Next(0, 1000), cancellationToken).ConfigureAwait(false);
        using var route = new RouteWatch(rack.Tor, BgpRack.PodNetwork, BgpRack.PodPrefixLength, BgpRack.NodeAddress, RouteWatch.ProtocolBgp);
        using var gateway = kind == Case.Agent ? new GatewayWatch(rack.Node.Namespace) : null;
        NodeProcess process;
        if (kind == Case.Agent)
        {
            var path = rack.WriteAgentConfig();
            process = rack.Node.Start(options.Aot.Label, options.Aot.Path, ["--config", path], options.Aot.Environment);
        }
        else
        {
            await rack.AddPodBridgeAsync().ConfigureAwait(false);
            process = await rack.StartNodeBgpdAsync(config).ConfigureAwait(false);
        }
        // Wall clock to Stopwatch, for the pid file's and the ToR log's times.
        var anchorTicks = Stopwatch.GetTimestamp();
        var anchorUtc = DateTime.UtcNow;
        var started = process.StartedAt;
        var routeAt = await Waits.ForAsync(route.Added, process, RouteTimeout, "route in the ToR's kernel", cancellationToken).ConfigureAwait(false);

        var deadline = DateTime.UtcNow + LogTimeout;
        var established = rack.TorEstablishedAt();
        while (established is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            established = rack.TorEstablishedAt();
        }
        long? Since(DateTime? utc) => utc is { } at ? anchorTicks + (long)((at - anchorUtc).TotalSeconds * Stopwatch.Frequency) - started : null;
        long? bridge = gateway is { FirstAdded.IsCompletedSuccessfully: true } watch ? watch.FirstAdded.Result.ReceivedTimestamp - started : null;

        var differs = false;
        if (kind == Case.Agent)
        {
            var written = await File.ReadAllTextAsync(rack.NodeConfigFile, cancellationToken).ConfigureAwait(false);
            if (Normalize(written) != Normalize(config))
            {
                differs = true;
                Console.Error.WriteLine($"bench: bgp: the agent's frr.conf differs from the benchmark's rendering:\n{written}\n--- rendered:\n{config}");
            }
        }
        return new Sample(routeAt - started, bridge, Since(rack.NodeBgpdStartedAt()), Since(established), differs);
    }

    /// <summary>The config the agent renders for this node: its AS, its uplink's address as router id, the pod /24, the ToR.</summary>
    private static string Render() => BgpApplyBenchmark.RenderFrr(
        BgpRack.NodeAsn, BgpRack.NodeAddress, $"{BgpRack.PodNetwork}/{BgpRack.PodPrefixLength}",
        [new BgpNeighborSettings(BgpApplyBenchmark.Address(BgpRack.TorAddress), BgpRack.TorAsn, null, "tor", false)]);

    /// <summary>The rendered config less the two lines that make FRR send a new session's first update sooner.</summary>
    private static string WithoutTuning(string rendered)
    {
        var tuning = new[] { BgpConfigRenderer.RouteMapDelayLine, BgpConfigRenderer.CoalesceTimeLine };
        var lines = rendered.Split('\n');
        var kept = lines.Where(line => !tuning.Contains(line.Trim(), StringComparer.Ordinal)).ToArray();
        if (lines.Length - kept.Length != tuning.Length)
        {
            throw new InvalidOperationException($"expected both tuning lines in the rendered config:\n{rendered}");
        }
        return string.Join('\n', kept);
    }

    private static string Normalize(string config) => string.Join('\n', config.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));


    private static double Median(IEnumerable<Sample> samples, Func<Sample, long?> pick) =>
        Latency.Median(samples.Select(pick).OfType<long>().Select(Latency.ToMilliseconds));

    private static string[] Row(string name, List<Sample> samples)
    {
        var routes = samples.Select(s => Latency.ToMilliseconds(s.Route)).ToArray();
        return
        [
            name,
            Markdown.Ms(Latency.Median(routes)),
            routes.Length == 0 ? "n/a" : $"{Markdown.Ms(routes.Min())}–{Markdown.Ms(routes.Max())}",
            samples.Any(s => s.Bridge is not null) ? Markdown.Ms(Median(samples, s => s.Bridge)) : "–",
            Markdown.Ms(Median(samples, s => s.BgpdUp)),
            Markdown.Ms(Median(samples, s => s.Established)),
            Markdown.Ms(Median(samples, s => s.Established is { } e ? s.Route - e : null)),
        ];
    }

    /// <summary>One start; every time in Stopwatch ticks from just before the process was started.</summary>
    private sealed record Sample(long Route, long? Bridge, long? BgpdUp, long? Established, bool ConfigDiffers);
}
