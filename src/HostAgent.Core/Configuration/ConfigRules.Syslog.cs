using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>
/// The rules for the "syslog" section. Every value ends up inside an rsyslog or systemd file, so each is held
/// to a character set that needs no quoting there: no value can close a string and add a directive.
/// </summary>
internal static partial class ConfigRules
{
    public const int MaxPathLength = 1024;
    public const int MaxSocketNameLength = 64;
    public const int MaxRateLimitInterval = 3600;
    public const int MaxRateLimitBurst = 1_000_000;
    public const int MaxAccountNameLength = 32;
    public const int MaxCommandArgumentLength = 4096;

    public const string SafePathRule = "may contain only letters, digits and . _ - / + @ , (no spaces or quotes: the path is written into rsyslog and systemd files)";

    public static bool TryParseSyslogPath(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = CheckSyslogPath(text);
        return error is null;
    }

    /// <summary>An absolute path as <see cref="TryParseSyslogPath"/>, or "" for none.</summary>
    public static bool TryParseOptionalSyslogPath(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length == 0 ? null : CheckSyslogPath(text);
        return error is null;
    }

    /// <summary>The rule an absolute path for the syslog section breaks, or null.</summary>
    public static string? CheckSyslogPath(string text) =>
        !text.StartsWith('/') ? "must be an absolute path"
        : text.Length > MaxPathLength ? $"must be at most {MaxPathLength} characters"
        : !text.All(IsSafePathChar) ? SafePathRule
        : text.Split('/').Any(static part => part is "." or "..") ? "must not contain . or .. parts"
        : null;

    public static bool TryParseSocketName(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length is 0 or > MaxSocketNameLength ? $"must be 1 to {MaxSocketNameLength} characters"
            : !text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? "may contain only letters, digits, '.', '_' and '-'"
            : text is "." or ".." ? "must not be \".\" or \"..\""
            : null;
        return error is null;
    }

    /// <summary>A user or group: a name as useradd accepts it, or a numeric id.</summary>
    public static bool TryParseAccount(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            error = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < uint.MaxValue
                ? null
                : "a numeric id must be from 0 to 4294967294";
            return error is null;
        }
        error = text.Length is 0 or > MaxAccountNameLength ? $"must be a name of 1 to {MaxAccountNameLength} characters or a numeric id"
            : !(char.IsAsciiLetter(text[0]) || text[0] == '_') ? "a name must start with a letter or '_'"
            : !text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? "a name may contain only letters, digits, '_', '-' and '.'"
            : null;
        return error is null;
    }

    /// <summary>Disk space as rsyslog writes it: a whole number, optionally followed by k, m or g.</summary>
    public static bool TryParseDiskSpace(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        var digits = text.Length > 0 && text[^1] is 'k' or 'm' or 'g' ? text[..^1] : text;
        error = digits.Length is 0 or > 12 || !digits.All(char.IsAsciiDigit) || digits[0] == '0'
            ? "must be a whole number of bytes, optionally followed by k, m or g, such as \"1g\" or \"512m\""
            : null;
        return error is null;
    }

    /// <summary>A server: a DNS name, an IPv4 address or an IPv6 address (without brackets).</summary>
    public static bool TryParseServerAddress(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        if (text.Contains(':', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal))
        {
            error = IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !text.AsSpan().ContainsAny("%[]")
                ? null
                : "must be a host name, an IPv4 address or an IPv6 address (without brackets)";
            return error is null;
        }
        if (text.Length > 0 && text.All(static c => char.IsAsciiDigit(c) || c == '.'))
        {
            error = Ipv4.TryParse(text, out _) ? null : "must be a valid IPv4 address such as 192.0.2.10";
            return error is null;
        }
        error = IsHostName(text) ? null : "must be a host name (letters, digits and '-' in dot-separated labels), an IPv4 address or an IPv6 address";
        return error is null;
    }

    public static bool TryParseTransport(string text, out SyslogTransport value, [NotNullWhen(false)] out string? error)
    {
        (value, error) = text switch
        {
            "auto" => (SyslogTransport.Auto, (string?)null),
            "relp" => (SyslogTransport.Relp, null),
            "tcp" => (SyslogTransport.Tcp, null),
            _ => (SyslogTransport.Auto, "must be \"auto\" (RELP when rsyslog has it, else TCP), \"relp\" or \"tcp\""),
        };
        return error is null;
    }

    /// <summary>A duration in whole seconds, up to an hour: rsyslog takes seconds only.</summary>
    public static bool TryParseWholeSeconds(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        if (!Duration.TryParse(text, out value, out error))
        {
            return false;
        }
        error = value.Ticks % TimeSpan.TicksPerSecond != 0 ? "must be whole seconds, such as \"10s\""
            : value > TimeSpan.FromHours(1) ? "must be at most 1h"
            : null;
        return error is null;
    }

    public static bool TryParseCommandArgument(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length is 0 or > MaxCommandArgumentLength ? $"must be 1 to {MaxCommandArgumentLength} characters"
            : text.Any(char.IsControl) ? "must not contain control characters"
            : null;
        return error is null;
    }

    private static bool IsSafePathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+' or '@' or ',';

    private static bool IsHostName(string text) =>
        text.Length is > 0 and <= 253
        && text.TrimEnd('.').Split('.').All(static label =>
            label.Length is > 0 and <= 63
            && label.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');
}
