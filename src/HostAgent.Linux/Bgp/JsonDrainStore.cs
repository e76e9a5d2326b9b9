using System.Buffers;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using HostAgent.Core.Bgp;
using HostAgent.Linux.Files;

namespace HostAgent.Linux.Bgp;

/// <summary>
/// The drained state as a small JSON file, e.g. {"drained":true,"since":"2026-05-01T10:00:00.000Z","withdrawDelayMs":30000},
/// replaced atomically; a missing file means not drained.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class JsonDrainStore : IBgpDrainStore
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public BgpDrainState Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return BgpDrainState.NotDrained;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var drained = root.GetProperty("drained").GetBoolean();
            DateTimeOffset? since = root.TryGetProperty("since", out var s) && s.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(s.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
            TimeSpan? delay = root.TryGetProperty("withdrawDelayMs", out var d) && d.ValueKind == JsonValueKind.Number
                ? TimeSpan.FromMilliseconds(d.GetInt64())
                : null;
            return new BgpDrainState(drained, since, delay);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Guessing either way could announce a node that should be drained: refuse, and say which file.
            throw new InvalidDataException($"drain state file {path} cannot be read ({exception.Message}); fix or remove it, then undrain or drain again", exception);
        }
    }

    public void Save(string path, BgpDrainState state)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("drained", state.Drained);
            if (state.Since is { } since)
            {
                writer.WriteString("since", since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            }
            if (state.WithdrawDelay is { } delay)
            {
                writer.WriteNumber("withdrawDelayMs", (long)delay.TotalMilliseconds);
            }
            writer.WriteEndObject();
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }
        AtomicFile.Write(path, Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n", FileMode);
    }
}
