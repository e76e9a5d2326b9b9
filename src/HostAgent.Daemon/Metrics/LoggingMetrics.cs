using HostAgent.Daemon.Logging;
using Prometheus;

namespace HostAgent.Daemon.Metrics;

/// <summary>The agent's own syslog sink as metrics, read from its counters each time /metrics is collected.</summary>
public static class LoggingMetrics
{
    public static void Register(CollectorRegistry registry, UnixSyslogSink sink)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(sink);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var sent = factory.CreateCounter("hostagent_log_messages_sent_total", "The agent's own log messages written to the log socket.");
        var dropped = factory.CreateCounter("hostagent_log_messages_dropped_total",
            "The agent's own log messages dropped because the sink's bounded queue was full (the socket was gone or slow for too long).");
        var opens = factory.CreateCounter("hostagent_log_socket_opens_total", "Times the agent's log sink opened the log socket (once, then after every rsyslog restart).");
        var connected = factory.CreateGauge("hostagent_log_socket_connected", "1 while the agent's log sink has the log socket open.");
        registry.AddBeforeCollectCallback(() =>
        {
            sent.IncTo(sink.Sent);
            dropped.IncTo(sink.Dropped);
            opens.IncTo(sink.Opens);
            connected.Set(sink.Connected ? 1 : 0);
        });
    }
}
