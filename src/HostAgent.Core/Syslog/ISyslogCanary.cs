namespace HostAgent.Core.Syslog;

/// <summary>Writes one tagged message to the log socket without ever waiting, and says what happened.</summary>
public interface ISyslogCanary
{
    CanaryResult Send(string socketPath);
}
