using System.Globalization;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>
/// Reads what the daemons print: FRR's JSON, and the text Quagga prints (its JSON is incomplete), which
/// FRR prints in the same layout. Pure, so every format is tested from captured output.
/// </summary>
public static partial class BgpShowParser
{
    /// <summary>
    /// Uptime as the daemons print it: "never", "HH:MM:SS" under a day, "1d02h03m" under a week, "01w2d03h" beyond.
    /// </summary>
    public static TimeSpan? ParseUptime(string text)
    {
        if (text == "never")
        {
            return null;
        }
        var parts = text.Split(':');
        if (parts.Length == 3 && parts.All(static p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return new TimeSpan(Int(parts[0]), Int(parts[1]), Int(parts[2]));
        }
        var total = TimeSpan.Zero;
        var number = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
                digits++;
                continue;
            }
            if (digits == 0)
            {
                throw new FormatException($"not an uptime: \"{text}\"");
            }
            total += c switch
            {
                'w' => TimeSpan.FromDays(7 * number),
                'd' => TimeSpan.FromDays(number),
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                's' => TimeSpan.FromSeconds(number),
                _ => throw new FormatException($"not an uptime: \"{text}\""),
            };
            number = 0;
            digits = 0;
        }
        return digits == 0 && text.Length > 0 ? total : throw new FormatException($"not an uptime: \"{text}\"");
    }

    /// <summary>A prefix as printed in a route table: with its length, or classful without it (Quagga does that).</summary>
    public static bool TryParsePrefix(string text, out Ipv4Cidr prefix)
    {
        prefix = default;
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (!Ipv4Cidr.TryParse(text, out var parsed, out _))
            {
                return false;
            }
            prefix = parsed.Value;
            return true;
        }
        if (!Ipv4.TryParse(text, out var address))
        {
            return false;
        }
        var length = (address >> 24) switch
        {
            < 128 => 8,
            < 192 => 16,
            _ => 24,
        };
        if ((address & ~Ipv4Cidr.Mask(length)) != 0)
        {
            return false;
        }
        prefix = new Ipv4Cidr(address, length);
        return true;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
