namespace HostAgent.Core.Units;

/// <summary>A unit the agent follows, as status reports it.</summary>
/// <param name="Owner">The component that owns the unit; null when it is followed only because the config lists it.</param>
/// <param name="State">Null until the service manager has reported it.</param>
/// <param name="Since">When the agent saw the unit enter <paramref name="State"/>.</param>
public sealed record FollowedUnit(string Name, string? Owner, UnitState? State, DateTimeOffset? Since);
