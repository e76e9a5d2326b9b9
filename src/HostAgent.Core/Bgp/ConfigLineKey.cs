namespace HostAgent.Core.Bgp;

/// <summary>
/// What a config line sets, so that a changed value is sent as the new line alone (which replaces the old one
/// in the daemon) rather than as a removal and an addition: removing "neighbor A remote-as" would delete the peer.
/// </summary>
internal static class ConfigLineKey
{
    /// <summary>Neighbor settings that hold one value each.</summary>
    private static readonly HashSet<string> SingleValuedNeighborSettings = new(StringComparer.Ordinal)
    {
        "remote-as", "description", "password", "update-source", "ebgp-multihop", "port", "local-as",
        "advertisement-interval", "weight", "maximum-prefix", "ttl-security",
    };

    /// <summary>Neighbor settings that hold one value per direction (the last word: in or out).</summary>
    private static readonly HashSet<string> PerDirectionNeighborSettings = new(StringComparer.Ordinal)
    {
        "route-map", "prefix-list", "filter-list", "distribute-list",
    };

    /// <summary>The line's key: lines with equal keys replace each other. A line that is its own key is simply there or not.</summary>
    public static string Of(string line)
    {
        var words = line.Split(' ');
        switch (words)
        {
            case ["neighbor", var address, var setting, ..] when SingleValuedNeighborSettings.Contains(setting):
                return $"neighbor {address} {setting}";
            case ["neighbor", var address, "timers", "connect", ..]:
                return $"neighbor {address} timers connect";
            case ["neighbor", var address, "timers", ..]:
                return $"neighbor {address} timers";
            case ["neighbor", var address, var setting, .., var direction] when PerDirectionNeighborSettings.Contains(setting):
                return $"neighbor {address} {setting} {direction}";
            case ["bgp", "router-id", ..]:
                return "bgp router-id";
            case ["bgp", "graceful-restart", var timer and ("restart-time" or "stalepath-time" or "select-defer-time"), ..]:
                return $"bgp graceful-restart {timer}";
            case ["timers", "bgp", ..]:
                return "timers bgp";
            case ["coalesce-time", ..]:
                return "coalesce-time";
            case ["bgp", "route-map", "delay-timer", ..]:
                return "bgp route-map delay-timer";
            case ["set", var attribute, ..]:
                return $"set {attribute}";
            case ["match", "ip", "address", ..]:
                return "match ip address";
            case ["ip", "prefix-list", var name, "seq", var sequence, ..]:
                return $"ip prefix-list {name} seq {sequence}";
            default:
                return line;
        }
    }

    /// <summary>The neighbor address a line configures, or null.</summary>
    public static string? NeighborOf(string line)
    {
        var words = line.Split(' ');
        return words is ["neighbor", var address, ..] ? address : null;
    }

    /// <summary>The line that undoes <paramref name="line"/>: "no X" for X, and X for "no X".</summary>
    public static string Negate(string line) =>
        line.StartsWith("no ", StringComparison.Ordinal) ? line[3..] : "no " + line;

    /// <summary>The line as shown to people and in logs: a password is never printed.</summary>
    public static string Mask(string line)
    {
        var words = line.Split(' ');
        var at = Array.IndexOf(words, "password");
        return at >= 2 && at < words.Length - 1 && words[at - 2] == "neighbor"
            ? string.Join(' ', words[..(at + 1)]) + " ********"
            : line;
    }
}
