using HostAgent.Daemon.Logging;
using HostAgent.Daemon.Metrics;
using HostAgent.Daemon.Tests.Logging;
using HostAgent.Daemon.Tests.Support;
using Prometheus;
using Serilog.Events;
using Xunit;

namespace HostAgent.Daemon.Tests.Syslog;

public sealed class LoggingMetricsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hostagent-logmetrics-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Collect_SinkWithoutSocket_DropsSentAndOpensExported()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        using var sink = new UnixSyslogSink(Path.Combine(_directory, "log"), new Rfc5424Formatter("node1", "hostagent", 1), capacity: 10);
        LoggingMetrics.Register(registry, sink);

        for (var i = 0; i < 50; i++)
        {
            sink.Emit(LogEvents.Create(LogEventLevel.Information, "n={N}", ("N", i)));
        }
        var text = await Eventually.Until(() => Export(registry), t => t.Contains("hostagent_log_messages_dropped_total 39", StringComparison.Ordinal)
            || t.Contains("hostagent_log_messages_dropped_total 40", StringComparison.Ordinal), "drops exported");

        Assert.Contains("hostagent_log_messages_sent_total 0", text, StringComparison.Ordinal);
        Assert.Contains("hostagent_log_socket_opens_total 0", text, StringComparison.Ordinal);
        Assert.Contains("hostagent_log_socket_connected 0", text, StringComparison.Ordinal);
    }

    private static async Task<string> Export(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
