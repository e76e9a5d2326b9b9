using Microsoft.Extensions.Logging;

namespace HostAgent.Core.Reconcile;

public sealed partial class ComponentRunner
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Component}: drift detected ({Reason}): {Plan}")]
    private partial void LogDrift(string component, string reason, string plan);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{Component}: applied {Kind}: {Description}")]
    private partial void LogActionApplied(string component, string kind, string description);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Component}: reconcile failed ({Reason}), attempt {Attempt}: {Error}")]
    private partial void LogRunFailed(string component, string reason, string error, int attempt);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Component}: in sync ({Reason}), {Applied} action(s) in {DurationMs:F3} ms")]
    private partial void LogInSync(string component, string reason, int applied, double durationMs);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Component}: {Conflict}")]
    private partial void LogConflict(string component, string conflict);
}
