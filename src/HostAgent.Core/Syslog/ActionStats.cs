namespace HostAgent.Core.Syslog;

/// <summary>One forwarding action's numbers from impstats: the action, and its queue with the queue's disk part.</summary>
/// <param name="Processed">rsyslog's count, made as messages enter the action's queue, whether they are sent or not.</param>
public sealed record ActionStats(
    string Name,
    long Processed,
    long Failed,
    long Suspended,
    QueueStats Queue);
