namespace HostAgent.Core.Syslog;

/// <summary>The latest impstats sample: per forwarding action, the log socket's queue, and what the socket input submitted.</summary>
/// <param name="Written">When rsyslog last wrote its statistics (the file's modification time).</param>
/// <param name="Submitted">Messages the imuxsock inputs passed on; null when impstats did not report them.</param>
/// <param name="SocketQueue">The queue of the log socket's ruleset; null when impstats did not report it.</param>
public sealed record RsyslogStats(DateTimeOffset Written, IReadOnlyList<ActionStats> Actions, long? Submitted, QueueStats? SocketQueue = null)
{
    public ActionStats? Find(string name) => Actions.FirstOrDefault(a => a.Name == name);
}
