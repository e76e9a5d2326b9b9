namespace HostAgent.Core.Bgp;

/// <summary>Where a node is in a maintenance drain.</summary>
public enum DrainPhase
{
    /// <summary>Not drained: announcing normally.</summary>
    Active,

    /// <summary>Drained, still announcing, with GRACEFUL_SHUTDOWN attached so upstream moves traffic away.</summary>
    Shutdown,

    /// <summary>Drained and the withdraw delay is over: nothing is announced.</summary>
    Withdrawn,
}
