namespace HostAgent.Core.Syslog;

/// <summary>Reports that go nowhere, for tools and tests that do not look.</summary>
public sealed class NullSyslogReporter : ISyslogReporter
{
    public static NullSyslogReporter Instance { get; } = new();

    public void SocketChanged(SocketEventKind kind, string detail)
    {
    }

    public void CanarySent(CanaryResult result)
    {
    }

    public void StatsRead(IReadOnlyList<ForwardTarget> targets, RsyslogStats stats)
    {
    }

    public void RsyslogRestarted(string reason)
    {
    }
}
