using System.Text.Json;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>FRR's JSON output.</summary>
public static partial class BgpShowParser
{
    /// <summary>"show bgp ipv4 unicast summary json": one session per configured neighbor.</summary>
    public static IReadOnlyList<BgpSession> ParseSummaryJson(string json)
    {
        using var document = Parse(json, "summary");
        var sessions = new List<BgpSession>();
        if (!document.RootElement.TryGetProperty("peers", out var peers) || peers.ValueKind != JsonValueKind.Object)
        {
            return sessions;
        }
        foreach (var peer in peers.EnumerateObject())
        {
            var p = peer.Value;
            var uptime = Text(p, "peerUptime") == "never" || !p.TryGetProperty("peerUptimeMsec", out var ms) ? (TimeSpan?)null : TimeSpan.FromMilliseconds(ms.GetInt64());
            sessions.Add(new BgpSession(
                peer.Name,
                p.TryGetProperty("remoteAs", out var asn) && asn.TryGetUInt32(out var remote) ? remote : 0,
                Text(p, "state") ?? "Unknown",
                uptime,
                Number(p, "pfxRcd") ?? 0,
                Number(p, "pfxSnt"),
                Number(p, "connectionsEstablished"),
                Text(p, "desc")));
        }
        return sessions;
    }

    /// <summary>"show bgp ipv4 unicast neighbors A advertised-routes json"; empty when nothing is advertised.</summary>
    public static IReadOnlyList<Ipv4Cidr> ParseAdvertisedJson(string json)
    {
        using var document = Parse(json, "advertised-routes");
        var routes = new List<Ipv4Cidr>();
        if (document.RootElement.TryGetProperty("advertisedRoutes", out var advertised) && advertised.ValueKind == JsonValueKind.Object)
        {
            foreach (var route in advertised.EnumerateObject())
            {
                if (TryParsePrefix(route.Name, out var prefix))
                {
                    routes.Add(prefix);
                }
            }
        }
        return routes;
    }

    /// <summary>"show bgp ipv4 unicast P json": true when the table holds a valid path the node originates itself.</summary>
    public static bool IsLocalRouteJson(string json)
    {
        using var document = Parse(json, "route");
        if (!document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        return paths.EnumerateArray().Any(static p => Flag(p, "valid") && (Flag(p, "sourced") || Flag(p, "local")));
    }

    private static JsonDocument Parse(string json, string what)
    {
        try
        {
            // An empty answer is how FRR says "nothing" for some commands.
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (JsonException exception)
        {
            var start = json.Length > 120 ? json[..120] + "..." : json;
            throw new FormatException($"unexpected {what} output from the daemon ({exception.Message}): {start}", exception);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
