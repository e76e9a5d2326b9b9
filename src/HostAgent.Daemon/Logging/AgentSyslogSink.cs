using HostAgent.Core.Configuration;

namespace HostAgent.Daemon.Logging;

/// <summary>The agent's own RFC 5424 sink on the managed log socket, when the config asks for it.</summary>
public static class AgentSyslogSink
{
    public const string AppName = "hostagent";

    /// <summary>A sink writing to syslog's socket; null when there is no syslog section or agentLogs is false.</summary>
    public static UnixSyslogSink? Create(HostAgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Syslog is { AgentLogs: true } syslog
            ? new UnixSyslogSink(syslog.SocketPath, new Rfc5424Formatter(Environment.MachineName, AppName, Environment.ProcessId))
            : null;
    }
}
