using Serilog.Core;
using Serilog.Events;

namespace HostAgent.Daemon.Logging;

/// <summary>
/// One line per event on standard output. Under systemd (JOURNAL_STREAM set) each line starts with
/// the syslog priority in angle brackets, which journald turns into the entry's priority; on a
/// terminal it starts with a timestamp and level instead.
/// </summary>
public sealed class JournalConsoleSink : ILogEventSink
{
    private readonly TextWriter _output;
    private readonly bool _journal;
    private readonly Lock _lock = new();

    public JournalConsoleSink(TextWriter output, bool journal)
    {
        _output = output;
        _journal = journal;
    }

    public static JournalConsoleSink ForStandardOutput() =>
        new(Console.Out, !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")));

    public void Emit(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue("SourceContext", out var context) && context is ScalarValue { Value: string name }
            ? ShortName(name)
            : "hostagent";
        var message = RenderPlain(logEvent);
        var text = _journal
            ? $"{source}: {message}"
            : $"{logEvent.Timestamp:HH:mm:ss.fff} {Abbreviation(logEvent.Level)} {source}: {message}";
        if (logEvent.Exception is not null)
        {
            text += Environment.NewLine + logEvent.Exception;
        }
        lock (_lock)
        {
            if (_journal)
            {
                // journald takes each line as its own entry, so a stack trace line without the prefix would be logged at info.
                var prefix = $"<{Priority(logEvent.Level)}>";
                foreach (var line in text.Split('\n'))
                {
                    _output.WriteLine(prefix + line.TrimEnd('\r'));
                }
            }
            else
            {
                _output.WriteLine(text);
            }
            _output.Flush();
        }
    }

    /// <summary>The syslog severity journald expects for a Serilog level.</summary>
    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    private static string Abbreviation(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "FTL",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Information => "INF",
        LogEventLevel.Debug => "DBG",
        _ => "VRB",
    };

    /// <summary>Renders the message with string properties unquoted: journal lines are read by people and grep.</summary>
    public static string RenderPlain(LogEvent logEvent)
    {
        var builder = new System.Text.StringBuilder();
        using var writer = new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is Serilog.Parsing.PropertyToken property
                && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                && value is ScalarValue { Value: string text })
            {
                writer.Write(text);
            }
            else
            {
                token.Render(logEvent.Properties, writer, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return builder.ToString();
    }

    private static string ShortName(string sourceContext)
    {
        var dot = sourceContext.LastIndexOf('.');
        return dot < 0 ? sourceContext : sourceContext[(dot + 1)..];
    }
}
