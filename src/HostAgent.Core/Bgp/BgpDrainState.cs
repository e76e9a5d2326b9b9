namespace HostAgent.Core.Bgp;

/// <summary>The persisted drain: kept in a state file so it outlives agent and daemon restarts until Undrain.</summary>
/// <param name="Since">When Drain was called; the withdraw deadline counts from here.</param>
/// <param name="WithdrawDelay">The delay given with Drain; null to use the configured one.</param>
public sealed record BgpDrainState(bool Drained, DateTimeOffset? Since, TimeSpan? WithdrawDelay)
{
    public static BgpDrainState NotDrained { get; } = new(false, null, null);

    /// <summary>When the announcements are (or were) withdrawn; null when not drained.</summary>
    public DateTimeOffset? WithdrawAt(TimeSpan configuredDelay) =>
        Drained && Since is { } since ? since + (WithdrawDelay ?? configuredDelay) : null;

    public DrainPhase PhaseAt(DateTimeOffset now, TimeSpan configuredDelay) =>
        !Drained ? DrainPhase.Active
        : WithdrawAt(configuredDelay) is { } at && now < at ? DrainPhase.Shutdown
        : DrainPhase.Withdrawn;
}
