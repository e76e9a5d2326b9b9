namespace HostAgent.Core.Syslog;

/// <summary>One rsyslog queue's numbers from impstats, with its disk part.</summary>
/// <param name="Size">Messages waiting in memory.</param>
/// <param name="DiskSize">Messages waiting on disk (the queue's DA part); 0 when nothing spilled.</param>
/// <param name="Discarded">Messages the queue threw away (full, or discarded by priority).</param>
public sealed record QueueStats(long Size, long DiskSize, long Enqueued, long Discarded)
{
    public long Buffered => Size + DiskSize;

    /// <summary>Messages that left the queue (sent, or failed for good) since rsyslog started: what went in and no longer waits.</summary>
    public long LeftQueue => Enqueued - Buffered - Discarded;
}
