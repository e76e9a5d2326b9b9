using System.Diagnostics.CodeAnalysis;
using HostAgent.Core.Bgp;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>
/// The rules for single values of the "bgp" section. Text that is written into the daemon's config
/// (descriptions, passwords) must stay on its line and be read back exactly as written: printable ASCII,
/// nothing the daemon would take as the end of the value or the start of another command.
/// </summary>
internal static partial class ConfigRules
{
    /// <summary>TCP MD5 keys are at most 80 bytes (TCP_MD5SIG_MAXKEYLEN); a longer one never brings a session up.</summary>
    public const int MaxBgpPasswordLength = 80;

    public const int MaxBgpDescriptionLength = 80;
    public const int MaxBgpPathLength = 4096;

    /// <summary>A GR capability's restart time; Quagga's limit, below FRR's and the RFC's 4095.</summary>
    public static readonly TimeSpan MaxGracefulRestartTime = TimeSpan.FromSeconds(3600);

    public static readonly TimeSpan MinLivenessInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxLivenessInterval = TimeSpan.FromMinutes(1);

    public const string LocalAsnRequiredRule = "required: the node's AS number, e.g. 65101";

    public const string RouterIdRequiredRule =
        "required unless bgp.routerIdInterface names the uplink whose address becomes the router id";

    public static bool TryParseBgpFlavor(string text, out BgpFlavor value, [NotNullWhen(false)] out string? error)
    {
        (value, error) = text switch
        {
            "frr" => (BgpFlavor.Frr, null),
            "quagga" => (BgpFlavor.Quagga, (string?)null),
            _ => (BgpFlavor.Frr, "must be \"frr\" (FRR 7 or later, integrated frr.conf) or \"quagga\" (per-daemon bgpd.conf)"),
        };
        return error is null;
    }

    public static bool TryParseBgpApplyMethod(string text, out BgpApplyMethod value, [NotNullWhen(false)] out string? error)
    {
        (value, error) = text switch
        {
            "diff" => (BgpApplyMethod.Diff, null),
            "frr-reload" => (BgpApplyMethod.FrrReload, (string?)null),
            _ => (BgpApplyMethod.Diff, "must be \"diff\" (only the difference, on bgpd's vty socket) or \"frr-reload\" (frr-reload.py --reload)"),
        };
        return error is null;
    }

    /// <summary>A router id or neighbor address: a unicast IPv4 address a BGP speaker can have.</summary>
    public static bool TryParseBgpAddress(string text, out uint value, [NotNullWhen(false)] out string? error)
    {
        if (!Ipv4.TryParse(text, out value))
        {
            error = "must be an IPv4 address such as 192.168.77.1";
            return false;
        }
        var first = value >> 24;
        error = value == 0 ? "must not be 0.0.0.0"
            : first == 127 ? "must not be a loopback address (127.0.0.0/8)"
            : first >= 224 ? "must be a unicast address (not multicast, reserved or broadcast)"
            : null;
        return error is null;
    }

    public static bool TryParseAnnouncePrefix(string text, out Ipv4Cidr value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (!Ipv4Cidr.TryParse(text, out var cidr, out error))
        {
            return false;
        }
        if (cidr.Value.PrefixLength == 0)
        {
            error = "must not be 0.0.0.0/0: a node must never announce a default route";
            return false;
        }
        value = cidr.Value;
        return true;
    }

    /// <summary>A standard community: AA:NN (each 0-65535) or a well-known name such as no-export.</summary>
    public static bool TryParseCommunity(string text, out uint value, [NotNullWhen(false)] out string? error)
    {
        if (!BgpCommunity.TryParse(text, out value))
        {
            error = "must be a standard community AA:NN (each part 0 to 65535), or a well-known name such as no-export";
            return false;
        }
        error = value == BgpCommunity.GracefulShutdown
            ? "must not be GRACEFUL_SHUTDOWN (65535:0): the agent attaches it while the node is drained (hostagentctl drain)"
            : null;
        return error is null;
    }

    /// <summary>Printable ASCII words separated by single spaces: the daemon joins the words of a description with one space.</summary>
    public static bool TryParseBgpDescription(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length is 0 or > MaxBgpDescriptionLength ? $"must be 1 to {MaxBgpDescriptionLength} characters"
            : text.Any(static c => char.IsControl(c) || c is '\u2028' or '\u2029') ? "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config"
            : !text.All(static c => c is >= ' ' and <= '~') ? "may contain only printable ASCII characters"
            : text[0] == ' ' || text[^1] == ' ' || text.Contains("  ", StringComparison.Ordinal)
                ? "must not start or end with a space or hold two spaces in a row (the daemon would store it changed)"
            : null;
        return error is null;
    }

    /// <summary>One word of printable ASCII: the daemon takes the password as a single word, a space would end it.</summary>
    public static bool TryParseBgpPassword(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length is 0 or > MaxBgpPasswordLength ? $"must be 1 to {MaxBgpPasswordLength} characters (the TCP MD5 key limit)"
            : text.Any(static c => char.IsControl(c) || c is '\u2028' or '\u2029') ? "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config"
            : text.Contains(' ', StringComparison.Ordinal) ? "must not contain spaces: the daemon reads the password as one word"
            : !text.All(static c => c is > ' ' and <= '~') ? "may contain only printable ASCII characters"
            : null;
        return error is null;
    }

    public static bool TryParseBgpPath(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = CheckBgpPath(text);
        return error is null;
    }

    /// <summary>An absolute path, or "" for "use the tool's default".</summary>
    public static bool TryParseOptionalBgpPath(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length == 0 ? null : CheckBgpPath(text);
        return error is null;
    }

    public static bool TryParseGracefulRestartTime(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        if (!Duration.TryParse(text, out value, out error))
        {
            return false;
        }
        error = value.Ticks % TimeSpan.TicksPerSecond != 0 ? "must be whole seconds, such as \"120s\""
            : value > MaxGracefulRestartTime ? "must be at most 3600s (1h)"
            : null;
        return error is null;
    }

    public static bool TryParseLivenessInterval(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        if (!Duration.TryParse(text, out value, out error))
        {
            return false;
        }
        error = value < MinLivenessInterval || value > MaxLivenessInterval ? "must be from 100ms to 1m" : null;
        return error is null;
    }

    public static bool TryParseSessionPollInterval(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        if (!Duration.TryParse(text, out value, out error))
        {
            return false;
        }
        error = value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromHours(1) ? "must be from 1s to 1h" : null;
        return error is null;
    }

    private static string? CheckBgpPath(string text) =>
        !text.StartsWith('/') ? "must be an absolute path"
        : text.Length > MaxBgpPathLength ? $"must be at most {MaxBgpPathLength} characters"
        : text.Any(char.IsControl) ? "must not contain control characters"
        : text.Split('/').Any(static part => part is "." or "..") ? "must not contain . or .. parts"
        : null;
}
