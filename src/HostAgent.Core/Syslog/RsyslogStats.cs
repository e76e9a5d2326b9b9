namespace HostAgent.Core.Syslog;

/// <summary>The latest impstats sample: per forwarding action, and what the log socket input submitted.</summary>
/// <param name="Written">When rsyslog last wrote its statistics (the file's modification time).</param>
/// <param name="Submitted">Messages the imuxsock inputs passed on; null when impstats did not report them.</param>
public sealed record RsyslogStats(DateTimeOffset Written, IReadOnlyList<ActionStats> Actions, long? Submitted)
{
    public ActionStats? Find(string name) => Actions.FirstOrDefault(a => a.Name == name);
}
