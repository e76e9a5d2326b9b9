using System.Diagnostics;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Linux.Bgp;

namespace HostAgent.Bench.Benchmarks;

/// <summary>
/// A one-neighbor BGP change applied to a real FRR bgpd, by the agent's diff path and by frr-reload.py --reload,
/// on the same change in turns: add a neighbor, take it away, again and again. The diff path is timed with the
/// agent's own adapter (VtyBgpDaemon, the code its observe and apply run): the apply alone (the changed lines on
/// bgpd's vty socket and the atomic file write), and end to end as the agent does it for a new config: the
/// daemon's own check of the new file (vtysh -C) while the running config is read from the socket, the
/// difference, then the apply. frr-reload.py reads, compares and applies too. One plain vtysh call is timed
/// alongside, for scale.
/// </summary>
internal static class BgpApplyBenchmark
{
    private const string Bgpd = "/usr/lib/frr/bgpd";
    private const string Zebra = "/usr/lib/frr/zebra";
    private const string Vtysh = "/usr/bin/vtysh";
    private const string FrrReload = "/usr/lib/frr/frr-reload.py";

    public static async Task RunAsync(BenchOptions options, Markdown report, CancellationToken cancellationToken)
    {
        report.Heading("BGP: a one-neighbor change, diff path vs frr-reload.py");
        if (new[] { Bgpd, Zebra, Vtysh, FrrReload }.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            report.Paragraph($"Skipped: {missing} is not installed (`./build.sh deps` installs frr and frr-pythontools).");
            return;
        }
        await using var node = await BenchNode.CreateAsync(options.NamespacePrefix).ConfigureAwait(false);
        var directory = Path.Combine(node.Directory, "frr");
        Directory.CreateDirectory(directory);
        await Command.RunAsync("chown", "-R", "frr:frr", node.Directory).ConfigureAwait(false);
        var tooling = new BgpTooling(BgpFlavor.Frr, Vtysh, directory, "", Bgpd, Path.Combine(directory, "frr.conf"), Path.Combine(directory, "bgpd.pid"), FrrReload);
        var one = Render(neighbors: 1);
        var two = Render(neighbors: 2);
        File.WriteAllText(tooling.ConfigFile, one);
        await Command.RunAsync("chown", "frr:frr", tooling.ConfigFile).ConfigureAwait(false);
        var zserv = Path.Combine(directory, "zserv.api");
        node.Start("zebra", Zebra, ["-f", "/dev/null", "-i", Path.Combine(directory, "zebra.pid"), "-z", zserv, "--vty_socket", directory, "-u", "frr", "-g", "frr"]);
        await Waits.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(directory, "zebra.vty"))), cancellationToken).ConfigureAwait(false);
        node.Start("bgpd", Bgpd, ["-f", tooling.ConfigFile, "-i", tooling.PidFile, "-z", zserv, "--vty_socket", directory, "-u", "frr", "-g", "frr", "-p", "0"]);
        var daemon = new VtyBgpDaemon(TimeProvider.System);
        if (!await daemon.WaitUntilAnsweringAsync(tooling, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("bgpd did not answer within 10 s");
        }

        var changes = options.BgpChanges;
        Console.Error.WriteLine($"bench: bgp: {changes} one-neighbor changes each way, diff path and frr-reload.py in turns");
        var apply = new List<long>();
        var readAndApply = new List<long>();
        var endToEnd = new List<long>();
        var reload = new List<long>();
        var vtysh = new List<long>();
        var state = one;
        for (var i = 0; i < changes + 2; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = state == one ? two : one;
            var diff = await DiffPathAsync(daemon, tooling, target, cancellationToken).ConfigureAwait(false);
            await DiffPathAsync(daemon, tooling, state, cancellationToken).ConfigureAwait(false);
            var plain = Stopwatch.GetTimestamp();
            await Command.RunAsync(Vtysh, "--vty_socket", directory, "-d", "bgpd", "-c", BgpShowCommands.RunningConfig).ConfigureAwait(false);
            var plainTicks = Stopwatch.GetTimestamp() - plain;
            var started = Stopwatch.GetTimestamp();
            var result = await daemon.ReloadAsync(tooling, target, cancellationToken).ConfigureAwait(false);
            var reloadTicks = Stopwatch.GetTimestamp() - started;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("frr-reload.py failed: " + result.Message);
            }
            await AssertRunningAsync(daemon, tooling, target, cancellationToken).ConfigureAwait(false);
            // The first two rounds warm up the tools' page cache; they are not counted.
            if (i >= 2)
            {
                apply.Add(diff.Apply);
                readAndApply.Add(diff.ReadAndApply);
                endToEnd.Add(diff.EndToEnd);
                reload.Add(reloadTicks);
                vtysh.Add(plainTicks);
            }
            state = target;
        }

        var applyLatency = Latency.FromTicks(apply);
        var readLatency = Latency.FromTicks(readAndApply);
        var endLatency = Latency.FromTicks(endToEnd);
        var reloadLatency = Latency.FromTicks(reload);
        var vtyshLatency = Latency.FromTicks(vtysh);
        report.Paragraph(
            $"{changes} changes each way on FRR {FrrVersion()} (bgpd in its own namespace, one neighbor in the config, the change adds or removes a second one). " +
            "The diff path is the agent's own code; frr-reload.py runs as the agent's `applyMethod: frr-reload` fallback does (`--reload --daemon bgpd`).");
        report.Table(
            ["method", "p50 ms", "p90 ms", "max ms", "mean ms"],
            [
                Row("diff path, apply (the changed lines on bgpd's vty socket; frr.conf written meanwhile, renamed after)", applyLatency),
                Row("diff path, read running config + diff + apply", readLatency),
                Row("diff path, end to end: `vtysh -C` check of the new file while the running config is read, diff, apply", endLatency),
                Row("frr-reload.py --reload (same change)", reloadLatency),
                Row("for scale: one `vtysh -d bgpd -c \"show running-config\"`", vtyshLatency),
            ]);
        report.Paragraph(
            $"frr-reload.py takes {Markdown.Ratio(reloadLatency.P50, endLatency.P50)} the time of the diff path end to end, " +
            $"{Markdown.Ratio(reloadLatency.P50, applyLatency.P50)} the time of its apply (medians).");
        report.Goal("bgp: one-neighbor change, diff path end to end with the check (p50)", endLatency.P50, 30, "ms");
        report.Goal("bgp: diff path end to end / frr-reload.py (p50), 5x faster", endLatency.P50 / reloadLatency.P50, 0.2, "×");
    }

    /// <summary>What the agent does for a new config: check it and read the running config side by side, diff, apply, write the file.</summary>
    private static async Task<(long Apply, long ReadAndApply, long EndToEnd)> DiffPathAsync(
        VtyBgpDaemon daemon, BgpTooling tooling, string target, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var check = daemon.CheckAsync(tooling, target, cancellationToken);
        var reading = Stopwatch.GetTimestamp();
        var running = await daemon.ShowAsync(tooling, [BgpShowCommands.RunningConfig], cancellationToken).ConfigureAwait(false);
        var read = Stopwatch.GetTimestamp() - reading;
        if (await check.ConfigureAwait(false) is { Accepted: false } rejected)
        {
            throw new InvalidOperationException("vtysh -C rejected the target: " + rejected.Message);
        }
        var change = BgpConfigDiffer.Diff(DaemonConfig.Parse(target), DaemonConfig.Parse(running[0]!), BgpFlavor.Frr);
        var applying = Stopwatch.GetTimestamp();
        // As the agent does: the new file is written and synced while bgpd takes the change, then put in place.
        var prepare = Task.Run(() => daemon.PrepareConfigFile(tooling, target), cancellationToken);
        var result = await daemon.ConfigureAsync(tooling, change.Commands, change.RefreshOutbound ? ["clear ip bgp * soft out"] : [], cancellationToken).ConfigureAwait(false);
        using (var file = await prepare.ConfigureAwait(false))
        {
            file.Commit();
        }
        var done = Stopwatch.GetTimestamp();
        if (!result.Succeeded || change.IsEmpty)
        {
            throw new InvalidOperationException($"the diff path did not apply the change ({change.Count} lines): {result.Message}");
        }
        await AssertRunningAsync(daemon, tooling, target, cancellationToken).ConfigureAwait(false);
        return (done - applying, done - applying + read, done - started);
    }

    private static async Task AssertRunningAsync(VtyBgpDaemon daemon, BgpTooling tooling, string target, CancellationToken cancellationToken)
    {
        var running = await daemon.ShowAsync(tooling, [BgpShowCommands.RunningConfig], cancellationToken).ConfigureAwait(false);
        var left = BgpConfigDiffer.Diff(DaemonConfig.Parse(target), DaemonConfig.Parse(running[0]!), BgpFlavor.Frr);
        if (!left.IsEmpty)
        {
            throw new InvalidOperationException("bgpd does not run the target after the change: " + left.Summary);
        }
    }

    private static string Render(int neighbors)
    {
        var list = new[] { new BgpNeighborSettings(Address("192.168.77.1"), 65000, null, "tor-a", false), new BgpNeighborSettings(Address("192.168.77.3"), 65003, null, "tor-b", false) };
        return RenderFrr(65101, "192.168.77.2", "10.216.0.0/24", [.. list.Take(neighbors)]);
    }

    /// <summary>frr.conf as the agent renders it for a node announcing <paramref name="podCidr"/> to <paramref name="neighbors"/>.</summary>
    internal static string RenderFrr(uint localAsn, string routerId, string podCidr, IReadOnlyList<BgpNeighborSettings> neighbors)
    {
        var settings = new BgpSettings
        {
            LocalAsn = localAsn,
            RouterId = Address(routerId),
            Announce = new EquatableList<Ipv4Cidr>([Ipv4Cidr.Parse(podCidr)]),
            Neighbors = new EquatableList<BgpNeighborSettings>(neighbors),
            ConfigFile = "/etc/frr/frr.conf",
            BgpdPath = Bgpd,
            PidFile = "/run/frr/bgpd.pid",
            ServiceUnit = "frr.service",
        };
        return BgpConfigRenderer.Render(BgpDesired.From(settings, settings.RouterId!.Value, DrainPhase.Active));
    }

    internal static uint Address(string text) => Ipv4Cidr.Parse(text + "/32").Network;

    private static string[] Row(string method, Latency latency) =>
        [method, Markdown.Ms(latency.P50), Markdown.Ms(latency.P90), Markdown.Ms(latency.Max), Markdown.Ms(latency.Mean)];

    internal static string FrrVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Bgpd, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var first = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit();
            return first.Replace("bgpd version ", "", StringComparison.Ordinal).Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
