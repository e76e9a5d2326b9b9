namespace HostAgent.Core.Units;

/// <summary>What the agent can ask the service manager to do with a unit.</summary>
public enum UnitAction
{
    Start,
    Restart,

    /// <summary>Reload when the unit supports it (ExecReload=), restart otherwise.</summary>
    ReloadOrRestart,
}
