namespace HostAgent.Core.Reconcile;

public enum FindingSeverity
{
    /// <summary>Reported only; does not make the component out of sync.</summary>
    Notice,

    /// <summary>Something the agent will not resolve by itself; the component is out of sync.</summary>
    Conflict,
}

/// <summary>Something a plan found that is not an action.</summary>
public sealed record Finding(FindingSeverity Severity, string Message)
{
    public override string ToString() => Severity == FindingSeverity.Conflict ? $"conflict: {Message}" : Message;
}
