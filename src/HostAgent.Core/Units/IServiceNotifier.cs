namespace HostAgent.Core.Units;

/// <summary>
/// Tells the service manager how the agent is doing (sd_notify): ready, a one-line status, and the
/// watchdog keep-alive that proves the reconcile loops still run.
/// </summary>
public interface IServiceNotifier
{
    /// <summary>The service manager's watchdog timeout (WatchdogSec=); null when the watchdog is off.</summary>
    TimeSpan? WatchdogTimeout { get; }

    /// <summary>Sends newline-separated assignments such as "READY=1\nSTATUS=1/1 in sync"; false when it could not.</summary>
    bool Notify(string state);
}
