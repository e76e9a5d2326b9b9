using System.Diagnostics;
using System.Globalization;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;
using HostAgent.Core.Networking;

namespace HostAgent.Bench.Benchmarks;

/// <summary>
/// Drift repair latency: the gateway address is deleted and the time until the agent has added it back is taken
/// from the two netlink events. The AOT and JIT agents run at the same time in two namespaces and take turns,
/// so both see the same machine noise.
/// </summary>
internal static class RepairBenchmark
{
    private const int EAddrNotAvail = 99;
    private const int EExist = 17;

    public static async Task RunAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"bench: repair: starting the AOT and JIT agents (resyncInterval 1h, so only events repair)");
        await using var aot = await AgentRig.StartAsync(options, options.Aot, "1h", Readiness.Answering, cancellationToken).ConfigureAwait(false);
        await using var jit = await AgentRig.StartAsync(options, options.Jit, "1h", Readiness.Answering, cancellationToken).ConfigureAwait(false);
        var runs = new[] { new Run(aot), new Run(jit) };
        foreach (var run in runs)
        {
            run.CpuBefore = run.Rig.Process.Sample();
        }
        var progressEvery = Math.Max(1, options.RepairIterations / 10);
        for (var i = 0; i < options.RepairIterations; i++)
        {
            foreach (var run in runs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Rig.Process.ThrowIfExited();
                RepairOnce(run, options.RepairTimeout);
                Thread.Sleep(options.RepairGap);
            }
            if ((i + 1) % progressEvery == 0)
            {
                Console.Error.WriteLine($"bench: repair: {i + 1}/{options.RepairIterations}");
            }
        }
        foreach (var run in runs)
        {
            run.CpuAfter = run.Rig.Process.Sample();
        }
        Write(options, report, runs);
    }

    private static void RepairOnce(Run run, TimeSpan timeout)
    {
        var rig = run.Rig;
        using var repair = rig.Watch.Arm();
        var requested = Stopwatch.GetTimestamp();
        try
        {
            rig.Kernel.DeleteAddress(rig.BridgeIndex, GatewayWatch.Gateway);
        }
        catch (KernelNetworkException exception) when (exception.Errno == EAddrNotAvail)
        {
            rig.Watch.Disarm();
            run.Errors++;
            Restore(rig);
            return;
        }
        if (repair.Wait(timeout))
        {
            run.Samples.Add(repair.Ticks);
            run.FromRequest.Add(repair.AddedAt - requested);
            return;
        }
        rig.Watch.Disarm();
        run.Timeouts++;
        Restore(rig);
    }

    /// <summary>After a timeout or error: give the agent a moment more, then put the address back so the next round starts clean.</summary>
    private static void Restore(AgentRig rig)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (rig.Kernel.GetAddresses(rig.BridgeIndex).Contains(GatewayWatch.Gateway))
            {
                return;
            }
            Thread.Sleep(100);
        }
        try
        {
            rig.Kernel.AddAddress(rig.BridgeIndex, GatewayWatch.Gateway);
        }
        catch (KernelNetworkException exception) when (exception.Errno == EExist)
        {
            // The agent got there first.
        }
    }

    private static void Write(BenchOptions options, Markdown report, Run[] runs)
    {
        report.Heading("Drift repair latency");
        report.Paragraph(
            $"{options.RepairIterations} deletions of 10.216.0.1/24 on cbr0 per binary, AOT and JIT agents running at the same time " +
            $"in two namespaces and taking turns, {options.RepairGap.TotalMilliseconds:0} ms pause after each repair, timeout " +
            $"{options.RepairTimeout.TotalSeconds:0} s. Latency: deletion event to re-add event, both received by one rtnetlink " +
            "monitor in the agent's namespace (Stopwatch ticks right after recv). \"request → re-add\" starts before the bench's own " +
            "RTM_DELADDR request instead: an upper bound that does not depend on when the bench's monitor thread received the deletion.");
        var header = new[] { "binary", "repairs", "timeouts", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms", "first ms", "request → re-add p50 / p99 ms", "agent CPU per repair ms", "netlink overflows" };
        report.Table(header, runs.Select(run =>
        {
            var latency = Latency.FromTicks(run.Samples);
            var fromRequest = Latency.FromTicks(run.FromRequest);
            var cpuMs = (run.CpuAfter.CpuTicks - run.CpuBefore.CpuTicks) * 1000.0 / Native.ClockTicksPerSecond / Math.Max(1, run.Samples.Count);
            return new[]
            {
                run.Rig.Target.Label, latency.Count.ToString(CultureInfo.InvariantCulture),
                run.Timeouts.ToString(CultureInfo.InvariantCulture), run.Errors.ToString(CultureInfo.InvariantCulture),
                Markdown.Ms(latency.P50), Markdown.Ms(latency.P90), Markdown.Ms(latency.P99), Markdown.Ms(latency.Max), Markdown.Ms(latency.Mean),
                run.Samples.Count > 0 ? Markdown.Ms(Latency.ToMilliseconds(run.Samples[0])) : "n/a",
                $"{Markdown.Ms(fromRequest.P50)} / {Markdown.Ms(fromRequest.P99)}",
                Markdown.Number(cpuMs, "0.000"),
                run.Rig.Watch.Overflows.ToString(CultureInfo.InvariantCulture),
            };
        }));
        var aot = Latency.FromTicks(runs[0].Samples);
        var jit = Latency.FromTicks(runs[1].Samples);
        report.Paragraph(
            $"JIT / AOT: p50 {Markdown.Ratio(jit.P50, aot.P50)}, p90 {Markdown.Ratio(jit.P90, aot.P90)}, p99 {Markdown.Ratio(jit.P99, aot.P99)}, " +
            $"mean {Markdown.Ratio(jit.Mean, aot.Mean)}. \"first\" is the first repair after start (cold code paths; for the JIT build it includes compiling them). " +
            $"Agent RSS after the repairs: AOT {Markdown.Mib(runs[0].CpuAfter.RssKb)} MiB, JIT {Markdown.Mib(runs[1].CpuAfter.RssKb)} MiB.");
        report.Goal("repair p50 (AOT)", aot.P50, 1, "ms");
        report.Goal("repair p99 (AOT)", aot.P99, 5, "ms");
        var lost = runs.Sum(r => r.Timeouts);
        if (lost > 0)
        {
            report.Paragraph($"**{lost} repair(s) timed out** (no re-add within {options.RepairTimeout.TotalSeconds:0} s).");
        }
    }

    private sealed class Run(AgentRig rig)
    {
        public AgentRig Rig { get; } = rig;

        public List<long> Samples { get; } = [];

        public List<long> FromRequest { get; } = [];

        public int Timeouts { get; set; }

        public int Errors { get; set; }

        public ProcSample CpuBefore { get; set; }

        public ProcSample CpuAfter { get; set; }
    }
}
