namespace HostAgent.Core.Bgp;

/// <summary>The last attempt to change the daemon's config, for status.</summary>
public sealed record BgpApplyRecord(BgpApplyResult Result, DateTimeOffset At, TimeSpan Duration, string Message)
{
    public static string Label(BgpApplyResult result) => result switch
    {
        BgpApplyResult.Success => "success",
        BgpApplyResult.Rejected => "rejected",
        BgpApplyResult.Failed => "failed",
        BgpApplyResult.RollbackFailed => "rollback_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
