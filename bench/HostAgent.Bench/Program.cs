using System.Runtime.InteropServices;
using HostAgent.Bench;
using HostAgent.Bench.Benchmarks;
using HostAgent.Bench.Lab;
using HostAgent.Bench.Reporting;

if (!BenchOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"hostagent-bench: {error}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (!Environment.IsPrivilegedProcess)
{
    Console.Error.WriteLine("hostagent-bench: needs root: every agent runs in a network namespace of its own");
    return 1;
}

using var cancellation = new CancellationTokenSource();
// Ctrl-C and SIGTERM cancel the run, so every node is stopped and removed on the normal path; the exit handler is the backstop.
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine($"hostagent-bench: {context.Signal}, stopping and cleaning up");
    cancellation.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
AppDomain.CurrentDomain.ProcessExit += (_, _) => BenchNode.RemoveAllNow();
AppDomain.CurrentDomain.UnhandledException += (_, _) => BenchNode.RemoveAllNow();

var report = new Markdown();
if (options!.Quick)
{
    report.Paragraph("**Quick run (--quick): reduced counts, for trying the benchmarks out, not for quoting.**");
}
if (options.Aot.Environment.Count > 0)
{
    report.Paragraph($"Both agents run with `{string.Join(' ', options.Aot.Environment.Select(pair => $"{pair.Key}={pair.Value}"))}`.");
}
var benchmarks = new (string Name, Func<BenchOptions, Markdown, CancellationToken, Task> Run)[]
{
    ("repair", RepairBenchmark.RunAsync),
    ("footprint", FootprintBenchmark.RunAsync),
    ("api", ApiBenchmark.RunAsync),
    ("syslog", SyslogBenchmark.RunAsync),
    ("bgp", BgpApplyBenchmark.RunAsync),
    ("bgp", BgpStartBenchmark.RunAsync),
};
var failed = 0;
foreach (var (name, run) in benchmarks.Where(b => options.Runs(b.Name)))
{
    try
    {
        await run(options, report, cancellation.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
    {
        Console.Error.WriteLine("hostagent-bench: cancelled");
        return 130;
    }
    catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException
        or HostAgent.Core.Networking.KernelNetworkException or Grpc.Core.RpcException or HttpRequestException)
    {
        failed++;
        Console.Error.WriteLine($"hostagent-bench: {name} failed: {exception}");
        report.Heading($"{name}: failed");
        report.Paragraph($"```\n{exception.Message}\n```");
    }
}
Console.Out.Write(report.ToString());
return failed == 0 ? 0 : 1;
