namespace HostAgent.Core.Services;

/// <summary>A unit's state as systemd names it, e.g. ("active", "running") or ("failed", "failed").</summary>
public sealed record UnitState(string Unit, string ActiveState, string SubState)
{
    public bool IsActive => ActiveState == "active";

    public bool IsFailed => ActiveState == "failed";

    public override string ToString() => $"{ActiveState} ({SubState})";
}
