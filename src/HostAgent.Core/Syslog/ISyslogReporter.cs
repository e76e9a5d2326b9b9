namespace HostAgent.Core.Syslog;

/// <summary>Where the syslog component reports what it sees; the daemon turns it into events and metrics.</summary>
public interface ISyslogReporter
{
    void SocketChanged(SocketEventKind kind, string detail);

    void CanarySent(CanaryResult result);

    void StatsRead(IReadOnlyList<ForwardTarget> targets, RsyslogStats stats);

    void RsyslogRestarted(string reason);
}
