using HostAgent.Daemon.Logging;
using Serilog.Events;
using Serilog.Parsing;
using Xunit;

namespace HostAgent.Daemon.Tests.Logging;

public sealed class JournalConsoleSinkTests
{
    private static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Theory]
    [InlineData(LogEventLevel.Verbose, "<7>")]
    [InlineData(LogEventLevel.Debug, "<7>")]
    [InlineData(LogEventLevel.Information, "<6>")]
    [InlineData(LogEventLevel.Warning, "<4>")]
    [InlineData(LogEventLevel.Error, "<3>")]
    [InlineData(LogEventLevel.Fatal, "<2>")]
    public void Emit_JournalMode_LineStartsWithPriority(LogEventLevel level, string prefix)
    {
        var line = EmitOne(journal: true, Event(level, "config {Path} reloaded", ("Path", "/etc/hostagent/hostagent.json")));

        Assert.Equal($"{prefix}ConfigReloader: config /etc/hostagent/hostagent.json reloaded", line);
    }

    [Theory]
    [InlineData(LogEventLevel.Information, "INF")]
    [InlineData(LogEventLevel.Warning, "WRN")]
    [InlineData(LogEventLevel.Error, "ERR")]
    public void Emit_TerminalMode_TimestampAndLevel(LogEventLevel level, string abbreviation)
    {
        var line = EmitOne(journal: false, Event(level, "config {Path} reloaded", ("Path", "/etc/hostagent/hostagent.json")));

        Assert.Equal($"03:04:05.678 {abbreviation} ConfigReloader: config /etc/hostagent/hostagent.json reloaded", line);
    }

    [Fact]
    public void Emit_NoSourceContext_NamedHostagent()
    {
        var logEvent = new LogEvent(Time, LogEventLevel.Information, null, new MessageTemplateParser().Parse("started"), []);

        Assert.Equal("<6>hostagent: started", EmitOne(journal: true, logEvent));
    }

    [Fact]
    public void RenderPlain_StringProperty_Unquoted()
    {
        var logEvent = Event(LogEventLevel.Information, "{Component}: applied {Kind}", ("Component", "network"), ("Kind", "add-address"));

        Assert.Equal("network: applied add-address", JournalConsoleSink.RenderPlain(logEvent));
    }

    [Fact]
    public void RenderPlain_NumberWithFormat_Formatted()
    {
        var logEvent = new LogEvent(
            Time,
            LogEventLevel.Information,
            null,
            new MessageTemplateParser().Parse("{InSync}/{Total} in sync after {Ms:F1} ms"),
            [new("InSync", new ScalarValue(1)), new("Total", new ScalarValue(2)), new("Ms", new ScalarValue(12.345))]);

        Assert.Equal("1/2 in sync after 12.3 ms", JournalConsoleSink.RenderPlain(logEvent));
    }

    [Fact]
    public void Emit_JournalModeWithException_EveryLineHasPriority()
    {
        Exception exception;
        try
        {
            throw new InvalidOperationException("loop crashed");
        }
        catch (InvalidOperationException thrown)
        {
            exception = thrown;
        }
        var logEvent = new LogEvent(Time, LogEventLevel.Error, exception, new MessageTemplateParser().Parse("stopping"), []);
        using var output = new StringWriter();

        new JournalConsoleSink(output, journal: true).Emit(logEvent);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 3, output.ToString());
        Assert.Equal("<3>hostagent: stopping", lines[0]);
        Assert.StartsWith("<3>System.InvalidOperationException: loop crashed", lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.StartsWith("<3>", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Emit_JournalModeMultilineMessage_EveryLineHasPriority()
    {
        var logEvent = Event(LogEventLevel.Warning, "{Component}: {Conflict}", ("Component", "network"), ("Conflict", "first\nsecond"));
        using var output = new StringWriter();

        new JournalConsoleSink(output, journal: true).Emit(logEvent);

        Assert.Equal($"<4>ConfigReloader: network: first{Environment.NewLine}<4>second{Environment.NewLine}", output.ToString());
    }

    private static LogEvent Event(LogEventLevel level, string template, params (string Name, string Value)[] properties)
    {
        var all = properties
            .Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value)))
            .Append(new LogEventProperty("SourceContext", new ScalarValue("HostAgent.Daemon.Hosting.ConfigReloader")));
        return new LogEvent(Time, level, null, new MessageTemplateParser().Parse(template), all);
    }

    private static string EmitOne(bool journal, LogEvent logEvent)
    {
        using var output = new StringWriter();
        new JournalConsoleSink(output, journal).Emit(logEvent);
        var text = output.ToString();
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
        return Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
