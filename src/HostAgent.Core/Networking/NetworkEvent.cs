namespace HostAgent.Core.Networking;

public enum NetworkEventKind
{
    LinkChanged,
    LinkDeleted,
    AddressAdded,
    AddressDeleted,
    /// <summary>The kernel dropped events (ENOBUFS): anything may have changed.</summary>
    Overflow,
}

/// <summary>One rtnetlink notification, timestamped with <see cref="System.Diagnostics.Stopwatch"/> ticks when received.</summary>
/// <param name="Name">The interface name for link events, null otherwise.</param>
/// <param name="Address">The address for address events, null otherwise.</param>
public sealed record NetworkEvent(NetworkEventKind Kind, int IfIndex, string? Name, Ipv4Prefix? Address, long ReceivedTimestamp);
