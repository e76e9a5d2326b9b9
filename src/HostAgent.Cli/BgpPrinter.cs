using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using HostAgent.Contracts.V1;

namespace HostAgent.Cli;

/// <summary>Human-readable output of the BGP calls.</summary>
public static class BgpPrinter
{
    public static void Print(GetBgpStatusResponse status, TextWriter output)
    {
        output.WriteLine($"bgp ({status.Flavor}): AS{status.LocalAsn}, router id {(status.RouterId.Length > 0 ? status.RouterId : "unresolved")}, bgpd {status.Daemon}");
        if (status.Problem.Length > 0)
        {
            output.WriteLine($"  PROBLEM: {status.Problem}");
        }
        output.WriteLine($"  announce: {Join(status.Prefixes)}; announceable now: {Join(status.Announceable)}");
        output.WriteLine($"  drain: {Describe(status.Drain)}");
        output.WriteLine($"  config: {(status.ConfigAccepted ? "accepted by bgpd's check" : "REJECTED by bgpd's check: " + status.ConfigCheckMessage)}" +
            (status.PendingChanges > 0 ? $", {status.PendingChanges} line(s) differ from the running config" : ", running config in sync"));
        if (status.LastApply is { Result.Length: > 0 } apply)
        {
            output.WriteLine($"  last apply: {apply.Result} at {Time(apply.At)} ({apply.DurationMs.ToString("F1", CultureInfo.InvariantCulture)} ms){(apply.Message.Length > 0 ? ": " + apply.Message : "")}");
        }
        output.WriteLine($"  {"NEIGHBOR",-16} {"AS",-11} {"STATE",-12} {"FOR",-10} {"RCVD",5} {"SENT",5}  ADVERTISED");
        foreach (var neighbor in status.Neighbors)
        {
            var advertised = Join(neighbor.Advertised) +
                (neighbor.Missing.Count > 0 ? $"; MISSING {Join(neighbor.Missing)}" : "") +
                (neighbor.Extra.Count > 0 ? $"; EXTRA {Join(neighbor.Extra)}" : "") +
                (!neighbor.Judged && (neighbor.Missing.Count > 0 || neighbor.Extra.Count > 0) ? " (settling)" : "");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {neighbor.Address,-16} {neighbor.RemoteAsn,-11} {neighbor.State,-12} {Span(neighbor.StateSeconds),-10} {neighbor.PrefixesReceived,5} {neighbor.PrefixesSent,5}  {advertised}"));
            if (neighbor.Description.Length > 0)
            {
                output.WriteLine($"  {"",-16} {neighbor.Description}");
            }
        }
    }

    public static void Print(DrainResponse response, TextWriter output)
    {
        output.WriteLine($"drained: {Describe(response.Drain)}");
        StatusPrinter.Print(new ReconcileResponse { Results = { response.Result } }, output);
    }

    public static void Print(UndrainResponse response, TextWriter output)
    {
        output.WriteLine($"undrained: {Describe(response.Drain)}");
        StatusPrinter.Print(new ReconcileResponse { Results = { response.Result } }, output);
    }

    private static string Describe(BgpDrainStatus drain) => drain.Phase switch
    {
        "shutdown" => $"drained since {Time(drain.Since)}, announcing with GRACEFUL_SHUTDOWN, withdraw at {Time(drain.WithdrawAt)}",
        "withdrawn" => $"drained since {Time(drain.Since)}, announcements withdrawn at {Time(drain.WithdrawAt)}",
        _ => "not drained",
    };

    private static string Join(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "(none)";

    private static string Span(double seconds)
    {
        if (seconds <= 0)
        {
            return "-";
        }
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d{span.Hours:00}h{span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
    }

    private static string Time(Timestamp? time) =>
        time is null ? "never" : time.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
