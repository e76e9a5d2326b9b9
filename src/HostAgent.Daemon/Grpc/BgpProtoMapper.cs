using Google.Protobuf.WellKnownTypes;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using V1 = HostAgent.Contracts.V1;

namespace HostAgent.Daemon.Grpc;

/// <summary>The BGP view to API messages.</summary>
public static class BgpProtoMapper
{
    public static V1.GetBgpStatusResponse ToProto(BgpStatus status, IReadOnlyCollection<string> neighbors)
    {
        var message = new V1.GetBgpStatusResponse
        {
            Flavor = status.Flavor == BgpFlavor.Quagga ? "quagga" : "frr",
            LocalAsn = status.LocalAsn,
            RouterId = status.RouterId is { } id ? HostAgent.Core.Networking.Ipv4.ToString(id) : "",
            Problem = status.Problem ?? "",
            DaemonRunning = status.Daemon.Running,
            Daemon = status.Daemon.ToString(),
            Drain = ToProto(status.Drain, status.Phase, status.WithdrawAt),
            ConfigAccepted = status.Check?.Accepted ?? true,
            ConfigCheckMessage = status.Check?.Message ?? "",
            PendingChanges = (uint)status.PendingChanges,
            LastApply = status.LastApply is { } apply
                ? new V1.BgpApplyStatus
                {
                    Result = BgpApplyRecord.Label(apply.Result),
                    At = Timestamp.FromDateTimeOffset(apply.At),
                    DurationMs = apply.Duration.TotalMilliseconds,
                    Message = apply.Message,
                }
                : new V1.BgpApplyStatus(),
            ObservedAt = Timestamp.FromDateTimeOffset(status.ObservedAt),
        };
        message.Prefixes.AddRange(status.Prefixes.Select(static p => p.ToString()));
        message.Announceable.AddRange(status.Announced.Select(static p => p.ToString()));
        message.Neighbors.AddRange(status.Neighbors
            .Where(n => neighbors.Count == 0 || neighbors.Contains(n.Neighbor.Address))
            .Select(n => ToProto(n, status.Daemon.Running)));
        return message;
    }

    public static V1.BgpDrainStatus ToProto(BgpDrainState drain, DrainPhase phase, DateTimeOffset? withdrawAt) => new()
    {
        Drained = drain.Drained,
        Phase = phase switch
        {
            DrainPhase.Shutdown => "shutdown",
            DrainPhase.Withdrawn => "withdrawn",
            _ => "active",
        },
        Since = drain.Since is { } since ? Timestamp.FromDateTimeOffset(since) : null,
        WithdrawAt = withdrawAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    private static V1.BgpNeighborStatus ToProto(BgpNeighborStatus neighbor, bool daemonRunning)
    {
        var session = daemonRunning ? neighbor.Session : null;
        var message = new V1.BgpNeighborStatus
        {
            Address = neighbor.Neighbor.Address,
            RemoteAsn = neighbor.Neighbor.RemoteAsn,
            Description = neighbor.Neighbor.Description ?? "",
            Bfd = neighbor.Neighbor.Bfd,
            State = session?.State ?? (daemonRunning ? "Unknown" : "Down (bgpd not running)"),
            Established = session?.Established ?? false,
            StateSeconds = session?.Uptime?.TotalSeconds ?? 0,
            PrefixesReceived = (ulong)Math.Max(0, session?.PrefixesReceived ?? 0),
            PrefixesSent = (ulong)Math.Max(0, session?.PrefixesSent ?? neighbor.Announcements?.Advertised.Count ?? 0),
            ConnectionsEstablished = (ulong)Math.Max(0, session?.ConnectionsEstablished ?? 0),
            Judged = neighbor.Announcements?.Judged ?? false,
        };
        if (neighbor.Announcements is { } announcements)
        {
            message.Expected.AddRange(announcements.Expected.Select(static p => p.ToString()));
            message.Advertised.AddRange(announcements.Advertised.Select(static p => p.ToString()));
            message.Missing.AddRange(announcements.Missing.Select(static p => p.ToString()));
            message.Extra.AddRange(announcements.Extra.Select(static p => p.ToString()));
        }
        return message;
    }
}
