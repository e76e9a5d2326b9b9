using HostAgent.Daemon.Logging;
using Serilog.Events;
using Xunit;

namespace HostAgent.Daemon.Tests.Logging;

public sealed class Rfc5424FormatterTests
{
    private readonly Rfc5424Formatter _formatter = new("node1", "hostagent", 4242);

    [Fact]
    public void Format_InformationWithEventId_HeaderStructuredDataAndMessage()
    {
        var logEvent = LogEvents.WithEventId(LogEventLevel.Information, "{Component}: in sync", 1004,
            ("Component", "network"), ("SourceContext", "HostAgent.Reconcile"));

        var message = _formatter.Format(logEvent);

        Assert.Equal(
            "<30>1 2026-01-02T03:04:05.678000Z node1 hostagent 4242 1004 " +
            "[hostagent@32473 level=\"Information\" Component=\"network\" SourceContext=\"HostAgent.Reconcile\"] network: in sync",
            message);
    }

    [Theory]
    [InlineData(LogEventLevel.Fatal, 26)]
    [InlineData(LogEventLevel.Error, 27)]
    [InlineData(LogEventLevel.Warning, 28)]
    [InlineData(LogEventLevel.Information, 30)]
    [InlineData(LogEventLevel.Debug, 31)]
    public void Format_Level_PriorityIsDaemonFacilityPlusSeverity(LogEventLevel level, int priority)
    {
        var message = _formatter.Format(LogEvents.Create(level, "x"));

        Assert.StartsWith($"<{priority}>1 ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NoEventId_NilMessageId()
    {
        var message = _formatter.Format(LogEvents.Create(LogEventLevel.Information, "started"));

        Assert.Contains(" 4242 - [hostagent@32473 ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ValueWithQuoteBackslashBracket_Escaped()
    {
        var message = _formatter.Format(LogEvents.Create(LogEventLevel.Warning, "{Error}", ("Error", "bad \"x\" \\ ]")));

        Assert.Contains("Error=\"bad \\\"x\\\" \\\\ \\]\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ValueWithNewline_ControlCharacterReplacedInStructuredData()
    {
        var message = _formatter.Format(LogEvents.Create(LogEventLevel.Warning, "oops", ("Detail", "a\nb")));

        Assert.Contains("Detail=\"a b\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_PropertyNameWithForbiddenCharacters_Sanitised()
    {
        var message = _formatter.Format(LogEvents.Create(LogEventLevel.Information, "x", ("a=b c]\"d", 1)));

        Assert.Contains(" abcd=\"1\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HostnameWithSpaces_HeaderFieldHasNone()
    {
        var formatter = new Rfc5424Formatter("my host", "", 1);

        var message = formatter.Format(LogEvents.Create(LogEventLevel.Information, "x"));

        Assert.StartsWith("<30>1 2026-01-02T03:04:05.678000Z myhost - 1 - ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Exception_TypeAndMessageAppended()
    {
        var logEvent = new LogEvent(LogEvents.Time, LogEventLevel.Error, new InvalidOperationException("boom"),
            new Serilog.Parsing.MessageTemplateParser().Parse("failed"), []);

        var message = _formatter.Format(logEvent);

        Assert.EndsWith("] failed: InvalidOperationException: boom", message, StringComparison.Ordinal);
    }
}
