namespace HostAgent.Core.Configuration;

/// <summary>How a changed BGP config reaches the running daemon.</summary>
public enum BgpApplyMethod
{
    /// <summary>Only the difference from the running config, sent to bgpd on its vty socket.</summary>
    Diff,

    /// <summary>FRR's frr-reload.py --reload on the whole file: slower, kept as a fallback.</summary>
    FrrReload,
}
