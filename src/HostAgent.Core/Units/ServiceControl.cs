namespace HostAgent.Core.Units;

/// <summary>How the daemons the agent owns are started and restarted on this node, from the service manager the agent found.</summary>
public enum ServiceControl
{
    /// <summary>systemd over D-Bus: the units are systemd's, the socket can be held by a socket unit.</summary>
    Systemd,

    /// <summary>No systemd: the agent runs rsyslogd itself from syslog.startCommand.</summary>
    Process,

    /// <summary>Neither: the agent can write the drop-in but not restart rsyslog.</summary>
    None,
}
