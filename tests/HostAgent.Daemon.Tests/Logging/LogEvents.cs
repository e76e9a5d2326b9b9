using Serilog.Events;
using Serilog.Parsing;

namespace HostAgent.Daemon.Tests.Logging;

/// <summary>Builds Serilog events the way Microsoft.Extensions.Logging hands them to a sink.</summary>
internal static class LogEvents
{
    public static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    public static LogEvent Create(LogEventLevel level, string template, params (string Name, object? Value)[] properties) =>
        new(
            Time,
            level,
            null,
            new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));

    public static LogEvent WithEventId(LogEventLevel level, string template, int id, params (string Name, object? Value)[] properties)
    {
        var logEvent = Create(level, template, properties);
        logEvent.AddOrUpdateProperty(new LogEventProperty("EventId", new StructureValue([new LogEventProperty("Id", new ScalarValue(id))])));
        return logEvent;
    }
}
