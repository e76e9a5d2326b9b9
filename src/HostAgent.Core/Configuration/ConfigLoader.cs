using System.Collections;
using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>
/// Reads hostagent.json plus HOSTAGENT__* environment overrides into a validated <see cref="HostAgentConfig"/>,
/// reporting every problem with its JSON path rather than stopping at the first.
/// </summary>
public static partial class ConfigLoader
{
    public const string DefaultPath = "/etc/hostagent/hostagent.json";
    public const string EnvironmentPrefix = "HOSTAGENT__";

    // Comments and trailing commas are refused so the shipped file stays plain JSON that any tool can read.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Reads the file, then <see cref="Parse"/>; an unreadable file is a single error at "$".</summary>
    public static ConfigLoadResult LoadFile(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        // .NET reports a directory as "access denied", which sends the operator after permissions.
        if (Directory.Exists(path))
        {
            return Failed(new ConfigError("$", null, $"cannot read {path}: it is a directory"));
        }
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Failed(new ConfigError("$", null, $"cannot read {path}: {ex.Message}"));
        }
        return Parse(json, environment);
    }

    /// <summary>Parses JSON text, applies environment overrides and validates; returns the config or every error.</summary>
    public static ConfigLoadResult Parse(string json, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Failed(new ConfigError("$", null, "must be valid JSON: the file is empty"));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Failed(new ConfigError("$", null, InvalidJsonRule(ex)));
        }
        using (document)
        {
            var binder = new ConfigBinder();
            binder.BindDocument(document.RootElement);
            if (environment is not null)
            {
                binder.BindEnvironment(environment);
            }
            return binder.Build();
        }
    }

    /// <summary>The process environment filtered to HOSTAGENT__* variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && entry.Value is string value)
            {
                result[name] = value;
            }
        }
        return result;
    }

    private static ConfigLoadResult Failed(ConfigError error) => new(null, [error]);

    private static string InvalidJsonRule(JsonException ex)
    {
        // The message repeats the position in its own format; keep the text, restate the position 1-based.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }
        if (cut >= 0)
        {
            message = message[..cut];
        }
        // Advice aimed at the programmer, not at whoever edits the file.
        message = message.Replace(" Change the reader options.", "", StringComparison.Ordinal).TrimEnd(' ', '.', '|');
        return ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? $"must be valid JSON: {message} (line {line + 1}, byte {position + 1})"
            : $"must be valid JSON: {message}";
    }
}
