namespace HostAgent.Core.Configuration;

/// <summary>How rsyslog forwards to a central server.</summary>
public enum SyslogTransport
{
    /// <summary>RELP when rsyslog's omrelp module is installed, plain TCP otherwise.</summary>
    Auto,

    /// <summary>RELP: the server acknowledges every message, so a broken connection loses nothing.</summary>
    Relp,

    /// <summary>Plain TCP: what was in flight when a connection broke can be lost.</summary>
    Tcp,
}
