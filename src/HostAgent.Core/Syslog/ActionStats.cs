namespace HostAgent.Core.Syslog;

/// <summary>One forwarding action's numbers from impstats: the action, its queue and the queue's disk part.</summary>
/// <param name="QueueSize">Messages waiting in memory.</param>
/// <param name="DiskSize">Messages waiting on disk (the queue's DA part); 0 when nothing spilled.</param>
/// <param name="Discarded">Messages the queue threw away (full, or discarded by priority).</param>
public sealed record ActionStats(
    string Name,
    long Processed,
    long Failed,
    long Suspended,
    long QueueSize,
    long DiskSize,
    long Enqueued,
    long Discarded)
{
    public long Buffered => QueueSize + DiskSize;

    /// <summary>Messages that left the queue (sent, or failed for good) since rsyslog started: what went in and no longer waits.</summary>
    public long LeftQueue => Enqueued - Buffered - Discarded;
}
