using System.Globalization;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Bgp;

/// <summary>Desired and observed BGP state as name/value fields for status output; passwords are never shown.</summary>
public static class BgpStateFields
{
    public static IReadOnlyList<StateField> Describe(BgpDesired desired, BgpSettings settings, BgpDrainState drain)
    {
        var fields = new List<StateField>
        {
            new("flavor", settings.Flavor == BgpFlavor.Frr ? "frr" : "quagga"),
            new("local AS", desired.LocalAsn.ToString(CultureInfo.InvariantCulture)),
            new("router id", Ipv4.ToString(desired.RouterId) + (settings.RouterId is null ? $" (address of {settings.RouterIdInterface})" : "")),
            new("announce", string.Join(", ", desired.Prefixes)),
        };
        fields.AddRange(desired.Neighbors.Select(n => new StateField($"neighbor {n.Address}", DescribeNeighbor(n))));
        fields.Add(new("communities", desired.Communities.Count == 0 ? "(none)" : string.Join(' ', desired.Communities.Select(c => BgpCommunity.Format(c, BgpFlavor.Frr)))));
        fields.Add(new("graceful restart", desired.GracefulRestart ? $"on, restart time {desired.RestartTimeSeconds}s" : "off"));
        fields.Add(new("drain", DescribeDrain(desired.Phase, drain, settings.DrainWithdrawDelay)));
        fields.Add(new("config file", settings.ConfigFile));
        return fields;
    }

    public static IReadOnlyList<StateField> Describe(BgpObserved observed, BgpPlan plan, BgpSettings settings)
    {
        var fields = new List<StateField>
        {
            new("daemon", observed.Daemon.ToString()),
            new("config check", observed.Check is null ? "not run" : observed.Check.Accepted ? "accepted" : "rejected: " + observed.Check.Message),
        };
        if (observed.Show is not { } show)
        {
            fields.Add(new("running config", "unknown: bgpd is not running"));
            return fields;
        }
        fields.Add(new("running config", plan.Change.IsEmpty ? "in sync" : $"{plan.Change.Count} line(s) differ"));
        if (settings.Flavor == BgpFlavor.Frr)
        {
            fields.Add(new("config file", observed.ConfigFile is null ? "missing" : "present"));
        }
        foreach (var session in show.Sessions)
        {
            fields.Add(new($"session {session.Neighbor}", DescribeSession(session)));
        }
        foreach (var check in plan.Announcements)
        {
            fields.Add(new($"advertised to {check.Neighbor}", check.Advertised.Count == 0 ? "(nothing)" : string.Join(", ", check.Advertised)));
        }
        fields.Add(new("own routes in bgpd", show.LocalRoutes.Count == 0 ? "(none)" : string.Join(", ", show.LocalRoutes)));
        return fields;
    }

    public static string DescribeDrain(DrainPhase phase, BgpDrainState drain, TimeSpan configuredDelay) => phase switch
    {
        DrainPhase.Active => "not drained",
        DrainPhase.Shutdown => $"drained since {Time(drain.Since)}: GRACEFUL_SHUTDOWN, withdraw at {Time(drain.WithdrawAt(configuredDelay))}",
        _ => $"drained since {Time(drain.Since)}: withdrawn at {Time(drain.WithdrawAt(configuredDelay))}",
    };

    public static string DescribeSession(BgpSession session)
    {
        var uptime = session.Uptime is { } up ? $" for {Span(up)}" : "";
        return session.Established
            ? $"Established{uptime}, {session.PrefixesReceived} received, {(session.PrefixesSent is { } sent ? sent.ToString(CultureInfo.InvariantCulture) : "?")} sent"
            : $"{session.State}{uptime}";
    }

    private static string DescribeNeighbor(BgpNeighbor neighbor)
    {
        var parts = new List<string> { $"AS{neighbor.RemoteAsn}" };
        if (neighbor.Description is { } description)
        {
            parts.Add(description);
        }
        if (neighbor.Bfd)
        {
            parts.Add("bfd");
        }
        if (neighbor.Password is not null)
        {
            parts.Add("password set");
        }
        return string.Join(", ", parts);
    }

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d{span.Hours:00}h{span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");

    private static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "?";
}
