namespace HostAgent.Core.Syslog;

/// <summary>Makes systemd read unit files the agent wrote (systemctl daemon-reload).</summary>
public interface ISystemdUnitFiles
{
    Task DaemonReloadAsync(CancellationToken cancellationToken);
}
