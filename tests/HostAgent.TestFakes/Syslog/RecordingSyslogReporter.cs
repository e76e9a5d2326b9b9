using System.Collections.Concurrent;
using HostAgent.Core.Syslog;

namespace HostAgent.TestFakes;

/// <summary>Keeps what the syslog component reported.</summary>
public sealed class RecordingSyslogReporter : ISyslogReporter
{
    public ConcurrentQueue<(SocketEventKind Kind, string Detail)> SocketEvents { get; } = new();

    public ConcurrentQueue<CanaryResult> Canaries { get; } = new();

    public ConcurrentQueue<string> Restarts { get; } = new();

    public RsyslogStats? LastStats { get; private set; }

    public void SocketChanged(SocketEventKind kind, string detail) => SocketEvents.Enqueue((kind, detail));

    public void CanarySent(CanaryResult result) => Canaries.Enqueue(result);

    public void StatsRead(IReadOnlyList<ForwardTarget> targets, RsyslogStats stats) => LastStats = stats;

    public void RsyslogRestarted(string reason) => Restarts.Enqueue(reason);
}
