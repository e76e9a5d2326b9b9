namespace HostAgent.Core.Syslog;

/// <summary>What happened to the log socket between two observations.</summary>
public enum SocketEventKind
{
    /// <summary>The socket is there and took the canary (first seen, or back after being missing or refusing).</summary>
    Accepting,

    /// <summary>A new socket at the path: rsyslog restarted and created its socket again.</summary>
    Replaced,

    /// <summary>No socket at the path.</summary>
    Missing,

    /// <summary>The socket is there but does not take messages.</summary>
    Refusing,
}
