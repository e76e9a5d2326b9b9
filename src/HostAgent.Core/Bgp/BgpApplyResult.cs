namespace HostAgent.Core.Bgp;

/// <summary>How an attempt to change the daemon's config ended; the names are the metric's label values.</summary>
public enum BgpApplyResult
{
    /// <summary>Applied; the daemon runs the new config.</summary>
    Success,

    /// <summary>The daemon's own check rejected the new config: nothing was sent.</summary>
    Rejected,

    /// <summary>The daemon refused a command midway; the previous config was restored.</summary>
    Failed,

    /// <summary>The daemon refused a command midway and restoring the previous config failed too.</summary>
    RollbackFailed,
}
