using System.Text.Json;

namespace HostAgent.Core.Syslog;

/// <summary>
/// Reads impstats' JSON lines ("Fri Nov 27 07:54:15 2026: { "name": ..., "origin": ... }"). The file holds
/// one block per interval; the last value of each name wins, so the tail of the file is enough. Pure.
/// </summary>
public static class ImpstatsParser
{
    public static RsyslogStats Parse(IEnumerable<string> lines, DateTimeOffset written)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var latest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var start = line.IndexOf('{', StringComparison.Ordinal);
            if (start < 0 || !TryParse(line.AsSpan(start), out var element) || !element.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                continue;
            }
            latest[name.GetString()!] = element;
        }
        var actions = latest
            .Where(entry => Origin(entry.Value) == "core.action")
            .Select(entry => Action(entry.Key, entry.Value, latest))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var submitted = latest.Values.Where(e => Origin(e) == "imuxsock").Select(e => Number(e, "submitted")).ToList();
        var socketQueue = latest.TryGetValue(RsyslogDropInRenderer.SocketRuleset, out var socket) && Origin(socket) == "core.queue"
            ? Queue(socket, latest.GetValueOrDefault($"{RsyslogDropInRenderer.SocketRuleset}[DA]"))
            : null;
        return new RsyslogStats(written, actions, submitted.Count == 0 ? null : submitted.Sum(), socketQueue);
    }

    private static ActionStats Action(string name, JsonElement action, Dictionary<string, JsonElement> latest)
    {
        return new ActionStats(
            name,
            Number(action, "processed"),
            Number(action, "failed"),
            Number(action, "suspended"),
            Queue(latest.GetValueOrDefault($"{name} queue"), latest.GetValueOrDefault($"{name} queue[DA]")));
    }

    /// <summary>A queue and its disk part; either may be missing (default), which reads as zeros.</summary>
    private static QueueStats Queue(JsonElement queue, JsonElement disk) => new(
        Number(queue, "size"),
        Number(disk, "size"),
        Number(queue, "enqueued"),
        Number(queue, "discarded.full") + Number(queue, "discarded.nf"));

    private static string? Origin(JsonElement element) =>
        element.TryGetProperty("origin", out var origin) && origin.ValueKind == JsonValueKind.String ? origin.GetString() : null;

    private static long Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.TryGetInt64(out var number) ? number : 0;

    private static bool TryParse(ReadOnlySpan<char> text, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(text.ToString());
            element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            // A line cut in half at the start of the tail, or one rsyslog is still writing.
            element = default;
            return false;
        }
    }
}
