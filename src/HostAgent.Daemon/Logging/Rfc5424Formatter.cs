using System.Globalization;
using System.Text;
using Serilog.Events;

namespace HostAgent.Daemon.Logging;

/// <summary>
/// Serilog events as RFC 5424 syslog messages: header, the event's properties as structured data,
/// the rendered message. Pure, so the exact bytes on the wire are unit-tested.
/// </summary>
public sealed class Rfc5424Formatter
{
    /// <summary>
    /// The SD-ID of the agent's structured data. 32473 is the enterprise number reserved for
    /// documentation (RFC 5612); it keeps the element well-formed without claiming anyone's number.
    /// </summary>
    public const string StructuredDataId = "hostagent@32473";

    // syslog facility "daemon" (3): what system daemons log under.
    private const int Facility = 3;
    private const int MaxParamNameLength = 32;

    private readonly string _hostname;
    private readonly string _appName;
    private readonly string _procId;

    public Rfc5424Formatter(string hostname, string appName, int processId)
    {
        _hostname = HeaderField(hostname, 255);
        _appName = HeaderField(appName, 48);
        _procId = processId.ToString(CultureInfo.InvariantCulture);
    }

    public string Format(LogEvent logEvent)
    {
        var builder = new StringBuilder(256);
        builder.Append('<').Append(Facility * 8 + JournalConsoleSink.Priority(logEvent.Level)).Append(">1 ");
        builder.Append(logEvent.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)).Append(' ');
        builder.Append(_hostname).Append(' ').Append(_appName).Append(' ').Append(_procId).Append(' ');
        builder.Append(MessageId(logEvent)).Append(' ');
        AppendStructuredData(builder, logEvent);
        builder.Append(' ').Append(JournalConsoleSink.RenderPlain(logEvent));
        if (logEvent.Exception is not null)
        {
            builder.Append(": ").Append(logEvent.Exception.GetType().Name).Append(": ").Append(logEvent.Exception.Message);
        }
        return builder.ToString();
    }

    /// <summary>The event id's name (from [LoggerMessage]) as MSGID, so a collector can filter by kind of event.</summary>
    private static string MessageId(LogEvent logEvent)
    {
        if (logEvent.Properties.TryGetValue("EventId", out var eventId) && eventId is StructureValue structure)
        {
            var id = structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value;
            if (id is ScalarValue { Value: not null } scalar)
            {
                return HeaderField(Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? "-", 32);
            }
        }
        return "-";
    }

    private static void AppendStructuredData(StringBuilder builder, LogEvent logEvent)
    {
        var parameters = logEvent.Properties
            .Where(p => p.Key != "EventId" && p.Value is ScalarValue)
            .Select(p => (Name: ParamName(p.Key), Value: Scalar((ScalarValue)p.Value)))
            .Where(p => p.Name.Length > 0)
            .ToList();
        builder.Append('[').Append(StructuredDataId).Append(" level=\"").Append(logEvent.Level).Append('"');
        foreach (var (name, value) in parameters)
        {
            builder.Append(' ').Append(name).Append("=\"");
            AppendEscaped(builder, value);
            builder.Append('"');
        }
        builder.Append(']');
    }

    private static string Scalar(ScalarValue value) => value.Value switch
    {
        null => "",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>RFC 5424 section 6.3.3: '"', '\' and ']' are escaped with a backslash inside PARAM-VALUE.</summary>
    private static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' or ']')
            {
                builder.Append('\\');
            }
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
    }

    /// <summary>SD-NAME: 1-32 printable US-ASCII characters except '=', SP, ']' and '"'.</summary>
    private static string ParamName(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, MaxParamNameLength));
        foreach (var c in name)
        {
            if (builder.Length == MaxParamNameLength)
            {
                break;
            }
            if (c is > ' ' and < (char)127 and not '=' and not ']' and not '"')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Header fields are printable US-ASCII without spaces; "-" stands for an empty value.</summary>
    private static string HeaderField(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (builder.Length == maxLength)
            {
                break;
            }
            if (c is > ' ' and < (char)127)
            {
                builder.Append(c);
            }
        }
        return builder.Length == 0 ? "-" : builder.ToString();
    }
}
