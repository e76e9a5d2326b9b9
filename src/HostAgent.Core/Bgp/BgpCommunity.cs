using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>
/// Standard BGP communities (RFC 1997) as 32-bit values, and how each daemon spells them: FRR shows the
/// well-known ones by name, Quagga knows only four names, so the same value is rendered per flavour.
/// </summary>
public static class BgpCommunity
{
    /// <summary>RFC 8326: asks the receivers to move traffic away before the announcement is withdrawn.</summary>
    public const uint GracefulShutdown = 0xFFFF0000;

    /// <summary>The names FRR 8 prints, by value (lib/community.c).</summary>
    private static readonly Dictionary<uint, string> FrrNames = new()
    {
        [0x00000000] = "internet",
        [0xFFFF0000] = "graceful-shutdown",
        [0xFFFF0001] = "accept-own",
        [0xFFFF0002] = "route-filter-translated-v4",
        [0xFFFF0003] = "route-filter-v4",
        [0xFFFF0004] = "route-filter-translated-v6",
        [0xFFFF0005] = "route-filter-v6",
        [0xFFFF0006] = "llgr-stale",
        [0xFFFF0007] = "no-llgr",
        [0xFFFF0008] = "accept-own-nexthop",
        [0xFFFF029A] = "blackhole",
        [0xFFFFFF01] = "no-export",
        [0xFFFFFF02] = "no-advertise",
        [0xFFFFFF03] = "local-AS",
        [0xFFFFFF04] = "no-peer",
    };

    /// <summary>The names Quagga 0.99 knows; everything else it writes as AA:NN.</summary>
    private static readonly Dictionary<uint, string> QuaggaNames = new()
    {
        [0x00000000] = "internet",
        [0xFFFFFF01] = "no-export",
        [0xFFFFFF02] = "no-advertise",
        [0xFFFFFF03] = "local-AS",
    };

    /// <summary>Every name either daemon prints, for reading running configs of both.</summary>
    private static readonly Dictionary<string, uint> ByName =
        FrrNames.ToDictionary(static p => p.Value, static p => p.Key, StringComparer.Ordinal);

    /// <summary>Reads "AA:NN" (each 0-65535) or a well-known name as the daemons print it.</summary>
    public static bool TryParse(string text, out uint value)
    {
        if (ByName.TryGetValue(text, out value))
        {
            return true;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 5 || text.Length - colon - 1 is 0 or > 5
            || !TryReadPart(text.AsSpan(0, colon), out var high) || !TryReadPart(text.AsSpan(colon + 1), out var low))
        {
            value = 0;
            return false;
        }
        value = (high << 16) | low;
        return true;
    }

    /// <summary>The value as the flavour's daemon prints it in its running config.</summary>
    public static string Format(uint value, BgpFlavor flavor) =>
        (flavor == BgpFlavor.Frr ? FrrNames : QuaggaNames).TryGetValue(value, out var name) ? name : Numeric(value);

    public static string Numeric(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 16}:{value & 0xFFFF}");

    /// <summary>Reads a whole "set community" value list; false when any token is not a community.</summary>
    public static bool TryParseList(IEnumerable<string> tokens, [NotNullWhen(true)] out SortedSet<uint>? values)
    {
        values = [];
        foreach (var token in tokens)
        {
            if (!TryParse(token, out var value))
            {
                values = null;
                return false;
            }
            values.Add(value);
        }
        return true;
    }

    private static bool TryReadPart(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (uint)(c - '0');
        }
        return value <= 0xFFFF;
    }
}
