namespace HostAgent.Core.Units;

/// <summary>A unit's state as systemd names it, e.g. ("active", "running") or ("failed", "failed").</summary>
/// <param name="LoadState">"loaded", or "not-found" for a unit that is not installed, so status can tell the two apart.</param>
public sealed record UnitState(string Unit, string ActiveState, string SubState, string LoadState = "loaded")
{
    public bool IsActive => ActiveState == "active";

    public bool IsFailed => ActiveState == "failed";

    public bool IsNotFound => LoadState == "not-found";

    public override string ToString() => $"{ActiveState} ({SubState})";
}
