using HostAgent.Core.Reconcile;
using HostAgent.Core.Syslog;
using Prometheus;

namespace HostAgent.Daemon.Metrics;

/// <summary>
/// What the syslog component sees, as metrics, Watch events and log lines: socket events, canary results,
/// rsyslog's queue statistics (impstats) and restarts.
/// </summary>
public sealed partial class SyslogMetrics : ISyslogReporter
{
    private static readonly string[] ActionLabels = ["action", "server"];

    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter _socketEvents;
    private readonly Gauge _accepting;
    private readonly Counter _canary;
    private readonly Counter _restarts;
    private readonly Gauge _queueSize;
    private readonly Gauge _diskSize;
    private readonly Gauge _enqueued;
    private readonly Gauge _discarded;
    private readonly Gauge _processed;
    private readonly Gauge _left;
    private readonly Gauge _failed;
    private readonly Gauge _socketQueueSize;
    private readonly Gauge _socketQueueDiskSize;
    private readonly Gauge _socketQueueDiscarded;

    public SyslogMetrics(CollectorRegistry registry, EventHub events, TimeProvider time, ILogger<SyslogMetrics> logger)
    {
        _events = events;
        _time = time;
        _logger = logger;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _socketEvents = factory.CreateCounter("hostagent_syslog_socket_events_total",
            "Log socket events: accepting (present and taking messages), replaced (rsyslog restarted), missing, refusing.", "event");
        _accepting = factory.CreateGauge("hostagent_syslog_socket_accepting", "1 while the log socket is present and took the last canary.");
        _canary = factory.CreateCounter("hostagent_syslog_canary_total", "Canary messages written to the log socket, by result.", "result");
        _restarts = factory.CreateCounter("hostagent_syslog_rsyslog_restarts_total", "Starts and restarts of rsyslog by the agent.");
        _queueSize = factory.CreateGauge("hostagent_syslog_queue_size", "Messages waiting in a forwarding queue (memory and disk), from impstats.", ActionLabels);
        _diskSize = factory.CreateGauge("hostagent_syslog_queue_disk_size", "Messages of a forwarding queue spilled to disk, from impstats.", ActionLabels);
        _enqueued = factory.CreateGauge("hostagent_syslog_queue_enqueued", "Messages put in a forwarding queue since rsyslog started, from impstats.", ActionLabels);
        _discarded = factory.CreateGauge("hostagent_syslog_queue_discarded", "Messages a forwarding queue threw away since rsyslog started (full or by priority), from impstats.", ActionLabels);
        _processed = factory.CreateGauge("hostagent_syslog_action_processed",
            "rsyslog's processed count of a forwarding action since it started (counted as messages enter the action's queue), from impstats.", ActionLabels);
        _left = factory.CreateGauge("hostagent_syslog_queue_left",
            "Messages that left a forwarding queue (sent, or failed for good) since rsyslog started: enqueued less waiting and discarded.", ActionLabels);
        _failed = factory.CreateGauge("hostagent_syslog_action_failed", "Messages a forwarding action failed since rsyslog started, from impstats.", ActionLabels);
        _socketQueueSize = factory.CreateGauge("hostagent_syslog_socket_queue_size",
            "Messages read from the log socket and waiting in its ruleset queue (memory and disk), from impstats.");
        _socketQueueDiskSize = factory.CreateGauge("hostagent_syslog_socket_queue_disk_size",
            "Messages of the log socket's queue on disk (spilled, or saved at rsyslog's last shutdown), from impstats.");
        _socketQueueDiscarded = factory.CreateGauge("hostagent_syslog_socket_queue_discarded",
            "Messages the log socket's queue threw away since rsyslog started, from impstats.");
        foreach (var kind in Enum.GetNames<SocketEventKind>())
        {
            _socketEvents.WithLabels(kind.ToLowerInvariant());
        }
        foreach (var outcome in Enum.GetNames<CanaryOutcome>())
        {
            _canary.WithLabels(outcome.ToLowerInvariant());
        }
    }

    public void SocketChanged(SocketEventKind kind, string detail)
    {
        var name = kind.ToString().ToLowerInvariant();
        _socketEvents.WithLabels(name).Inc();
        LogSocketEvent(name, detail);
        _events.Publish(new AgentEvent(_time.GetUtcNow(), AgentEventKind.Notice, SyslogComponent.ComponentName, $"log socket {name}: {detail}", []));
    }

    public void CanarySent(CanaryResult result)
    {
        _canary.WithLabels(result.Outcome.ToString().ToLowerInvariant()).Inc();
        _accepting.Set(result.Accepted ? 1 : 0);
    }

    public void StatsRead(IReadOnlyList<ForwardTarget> targets, RsyslogStats stats)
    {
        if (stats.SocketQueue is { } socketQueue)
        {
            _socketQueueSize.Set(socketQueue.Buffered);
            _socketQueueDiskSize.Set(socketQueue.DiskSize);
            _socketQueueDiscarded.Set(socketQueue.Discarded);
        }
        foreach (var target in targets)
        {
            if (stats.Find(target.Name) is not { } action)
            {
                continue;
            }
            string[] labels = [target.Name, target.Display];
            _queueSize.WithLabels(labels).Set(action.Queue.Buffered);
            _diskSize.WithLabels(labels).Set(action.Queue.DiskSize);
            _enqueued.WithLabels(labels).Set(action.Queue.Enqueued);
            _discarded.WithLabels(labels).Set(action.Queue.Discarded);
            _processed.WithLabels(labels).Set(action.Processed);
            _left.WithLabels(labels).Set(action.Queue.LeftQueue);
            _failed.WithLabels(labels).Set(action.Failed);
        }
    }

    public void RsyslogRestarted(string reason)
    {
        _restarts.Inc();
        LogRestarted(reason);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "syslog: log socket {Event}: {Detail}")]
    private partial void LogSocketEvent(string @event, string detail);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "syslog: rsyslog (re)started: {Reason}")]
    private partial void LogRestarted(string reason);
}
