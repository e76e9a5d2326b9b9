namespace HostAgent.Core.Syslog;

/// <summary>Who keeps the log socket open, which decides whether an rsyslog restart can lose messages.</summary>
public enum SocketHolder
{
    /// <summary>A systemd socket unit: the socket and what is queued in it outlive every rsyslog restart.</summary>
    Systemd,

    /// <summary>The agent, which runs rsyslogd itself where there is no systemd and hands it the socket.</summary>
    Agent,

    /// <summary>rsyslogd's own socket: while it restarts, datagrams are refused and lost.</summary>
    Rsyslog,
}
