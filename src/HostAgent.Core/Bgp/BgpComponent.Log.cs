using Microsoft.Extensions.Logging;

namespace HostAgent.Core.Bgp;

public sealed partial class BgpComponent
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "bgp: applied {Count} config change(s) in {DurationMs:F1} ms: {Summary}")]
    private partial void LogApplied(int count, double durationMs, string summary);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "bgp: bgpd's check rejects the new config; nothing was changed: {Message}")]
    private partial void LogRejected(string message);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "bgp: bgpd refused the change ({Refused}); the previous config was restored")]
    private partial void LogRestored(string refused);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Critical, Message = "bgp: bgpd refused the change ({Refused}) and restoring the previous config failed: {Error}")]
    private partial void LogRestoreFailed(string refused, string error);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "bgp: bgpd is down ({Reason}); starting {Unit} through {Manager}")]
    private partial void LogStarting(string unit, string manager, string reason);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "bgp: drained; announcements carry GRACEFUL_SHUTDOWN and are withdrawn at {WithdrawAt}")]
    private partial void LogDrained(string withdrawAt);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "bgp: undrained; announcing normally")]
    private partial void LogUndrained();
}
