using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>The rules for single values of the "agent" section; each returns the value or the rule it breaks.</summary>
internal static partial class ConfigRules
{
    /// <summary>sun_path is 108 bytes including the terminating NUL.</summary>
    public const int MaxSocketPathBytes = 107;

    public const string ListenRule =
        "must be \"\" (disabled) or host:port, such as 127.0.0.1:9469, [::1]:9469, localhost:9469 or *:9469";

    public static IReadOnlyList<string> LogLevels { get; } = ["Verbose", "Debug", "Information", "Warning", "Error", "Fatal"];

    public static bool TryParseSocketPath(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = !text.StartsWith('/') ? "must be an absolute path"
            : text.Contains('\0', StringComparison.Ordinal) ? "must not contain a NUL character"
            : Encoding.UTF8.GetByteCount(text) > MaxSocketPathBytes ? $"must be at most {MaxSocketPathBytes} bytes (the Unix socket path limit)"
            : null;
        return error is null;
    }

    public static bool TryParseSocketMode(string text, out int value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (text.Length is not (3 or 4) || !text.All(static c => c is >= '0' and <= '7'))
        {
            error = "must be 3 or 4 octal digits such as \"0660\"";
            return false;
        }
        foreach (var digit in text)
        {
            value = (value * 8) + (digit - '0');
        }
        if (value > 0x1FF)
        {
            error = "must be at most 0777 (permission bits only; no setuid, setgid or sticky bit)";
            return false;
        }
        error = null;
        return true;
    }

    public static bool TryParseListen(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }
        var colon = text.LastIndexOf(':');
        // "[::1]" has colons but no port.
        if (colon < 0 || text.EndsWith(']'))
        {
            error = ListenRule;
            return false;
        }
        var host = text[..colon];
        var port = text[(colon + 1)..];
        if (!IsListenHost(host))
        {
            error = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')
                ? "an IPv6 host must be in brackets, such as [::1]:9469"
                : "host must be an IPv4 address, an [IPv6] address, localhost or *";
            return false;
        }
        if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit) || int.Parse(port, CultureInfo.InvariantCulture) is < 1 or > 65535)
        {
            error = "port must be a number from 1 to 65535";
            return false;
        }
        return true;
    }

    public static bool TryParseLogLevel(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = LogLevels.FirstOrDefault(level => level.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? text;
        error = LogLevels.Contains(value, StringComparer.Ordinal) ? null : $"must be one of {string.Join(", ", LogLevels)}";
        return error is null;
    }

    private static bool IsListenHost(string host)
    {
        if (host.Length > 2 && host[0] == '[' && host[^1] == ']')
        {
            return IPAddress.TryParse(host[1..^1], out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }
        return host == "*" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || Ipv4.TryParse(host, out _);
    }
}
