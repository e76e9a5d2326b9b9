namespace HostAgent.Core.Units;

/// <summary>
/// Starts, restarts and reloads the daemons the agent owns (FRR/Quagga, rsyslog), and reports their state.
/// Backed by systemd over D-Bus where a system bus exists, by direct process control where it does not.
/// </summary>
public interface IServiceManager
{
    /// <summary>"systemd" or "process": shown in status so operators know how daemons are controlled.</summary>
    string Kind { get; }

    Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken);

    Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken);

    Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken);

    /// <summary>The unit's state now; null when the unit is unknown.</summary>
    Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken);
}
