using System.Globalization;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>The text output of "show ip bgp ..." as Quagga (and FRR, in the same layout) prints it.</summary>
public static partial class BgpShowParser
{
    /// <summary>
    /// "show ip bgp summary": the table under the "Neighbor V AS MsgRcvd ..." header. The State/PfxRcd column
    /// holds the prefix count when the session is up and the state name otherwise ("Idle (Admin)" is two words).
    /// </summary>
    public static IReadOnlyList<BgpSession> ParseSummaryText(string text)
    {
        var sessions = new List<BgpSession>();
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, static l => l.StartsWith("Neighbor ", StringComparison.Ordinal) && l.Contains("State/PfxRcd", StringComparison.Ordinal));
        if (header < 0)
        {
            return sessions;
        }
        var hasPrefixesSent = lines[header].Contains("PfxSnt", StringComparison.Ordinal);
        string? pending = null;
        foreach (var raw in lines.Skip(header + 1))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith("Total number", StringComparison.Ordinal))
            {
                break;
            }
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A long neighbor address is printed alone, with its columns on the next line.
            if (words.Length == 1)
            {
                pending = words[0];
                continue;
            }
            if (pending is not null)
            {
                words = [pending, .. words];
                pending = null;
            }
            if (words.Length >= 10)
            {
                sessions.Add(ParseSummaryRow(words, hasPrefixesSent));
            }
        }
        return sessions;
    }

    /// <summary>"show ip bgp neighbors A advertised-routes": the prefixes in the Network column.</summary>
    public static IReadOnlyList<Ipv4Cidr> ParseAdvertisedText(string text)
    {
        var routes = new List<Ipv4Cidr>();
        var inTable = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!inTable)
            {
                inTable = line.TrimStart().StartsWith("Network", StringComparison.Ordinal) && line.Contains("Next Hop", StringComparison.Ordinal);
                continue;
            }
            if (line.StartsWith("Total number", StringComparison.Ordinal))
            {
                break;
            }
            // Status codes take the first columns ("*>", "s>", "*>i"); the network is the first address after them.
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words)
            {
                var candidate = word.TrimStart('*', '>', 's', 'd', 'h', 'i', 'r', 'S', 'R', '=');
                if (candidate.Length > 0 && char.IsAsciiDigit(candidate[0]))
                {
                    if (TryParsePrefix(candidate, out var prefix))
                    {
                        routes.Add(prefix);
                    }
                    break;
                }
            }
        }
        return routes;
    }

    /// <summary>"show ip bgp P": a valid path the node sources itself ("Local", "valid, sourced").</summary>
    public static bool IsLocalRouteText(string text) =>
        text.Contains("BGP routing table entry for", StringComparison.Ordinal)
        && text.Split('\n').Any(static l => l.Contains(", valid", StringComparison.Ordinal) && l.Contains("sourced", StringComparison.Ordinal));

    private static BgpSession ParseSummaryRow(string[] words, bool hasPrefixesSent)
    {
        var remote = uint.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? asn : 0;
        var uptime = ParseUptime(words[8]);
        var next = 10;
        string state;
        long received = 0;
        if (long.TryParse(words[9], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            state = BgpSession.EstablishedState;
            received = count;
        }
        else
        {
            state = words[9];
            if (next < words.Length && words[next].StartsWith('('))
            {
                state += " " + words[next++];
            }
        }
        long? sent = null;
        if (hasPrefixesSent && next < words.Length && long.TryParse(words[next], NumberStyles.None, CultureInfo.InvariantCulture, out var sentCount))
        {
            sent = sentCount;
            next++;
        }
        var description = next < words.Length ? string.Join(' ', words[next..]) : null;
        return new BgpSession(words[0], remote, state, uptime, received, sent, null, description is null or "N/A" ? null : description);
    }
}
