using System.Diagnostics.CodeAnalysis;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>The rules for single values of the "network" section.</summary>
internal static partial class ConfigRules
{
    /// <summary>IFNAMSIZ is 16 including the terminating NUL.</summary>
    public const int MaxInterfaceNameLength = 15;

    public const int MinMtu = 68;
    public const int MaxMtu = 65535;
    public const int MaxSysctlValueLength = 256;

    public const string PodCidrRequiredRule = "required: the node's pod subnet, e.g. 10.216.0.0/24";

    public static bool TryParsePodCidr(string text, out Ipv4Cidr value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (!Ipv4Cidr.TryParse(text, out var cidr, out error))
        {
            return false;
        }
        if (cidr.Value.PrefixLength > 30)
        {
            error = "prefix length must be at most 30 (a /31 or /32 leaves no room for the gateway and pods)";
            return false;
        }
        value = cidr.Value;
        return true;
    }

    public static bool TryParseGateway(string text, out uint value, [NotNullWhen(false)] out string? error)
    {
        error = Ipv4.TryParse(text, out value) ? null : "must be an IPv4 address such as 10.216.0.1";
        return error is null;
    }

    /// <summary>The gateway's relation to the pod CIDR; null when it may serve as the bridge address.</summary>
    public static string? CheckGateway(uint gateway, Ipv4Cidr podCidr) =>
        !podCidr.Contains(gateway) ? $"must be inside podCidr {podCidr}"
        : gateway == podCidr.Network ? $"must not be the network address of podCidr {podCidr}"
        : gateway == podCidr.Broadcast ? $"must not be the broadcast address of podCidr {podCidr}"
        : null;

    public static bool TryParseBridge(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = text.Length is 0 or > MaxInterfaceNameLength ? $"must be 1 to {MaxInterfaceNameLength} characters (the Linux interface name limit)"
            : !text.All(IsInterfaceNameChar) ? "may contain only letters, digits, '_', '.' and '-'"
            : text is "." or ".." ? "must not be \".\" or \"..\""
            : null;
        return error is null;
    }

    /// <summary>The rule a sysctl name breaks, or null; names map to paths under /proc/sys, so they must stay inside net/.</summary>
    public static string? CheckSysctlName(string name)
    {
        if (!name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/' or '.'))
        {
            return "name may contain only letters, digits, '_', '-', '/' and '.'";
        }
        var segments = name.Split('.');
        if (segments.Any(static segment => segment.Length == 0))
        {
            return "name must be dot-separated parts with no empty part, such as net.ipv4.ip_forward";
        }
        // A '/' stands for a '.' inside one part (eth0/100 is eth0.100), so "/" and "//" would name "." and "..".
        if (segments.Any(static segment => segment.All(static c => c == '/')))
        {
            return "name part must not be only '/' (a '/' stands for a '.' inside an interface name)";
        }
        if (segments.Length < 2 || segments[0] != "net")
        {
            return "name must start with \"net.\": this agent only enforces network sysctls";
        }
        return null;
    }

    /// <summary>The rule a sysctl value written as a string breaks, or null.</summary>
    public static string? CheckSysctlValue(string value) =>
        value.Length == 0 ? "must not be empty"
        : value.Any(char.IsControl) ? "must not contain control characters"
        : value.Length > MaxSysctlValueLength ? $"must be at most {MaxSysctlValueLength} characters"
        : null;

    private static bool IsInterfaceNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}
