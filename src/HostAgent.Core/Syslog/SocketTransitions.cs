namespace HostAgent.Core.Syslog;

/// <summary>
/// Turns successive observations of the socket into events: each state is reported once, when it starts,
/// and a new inode at the path is a replacement (rsyslog restarted) even when no observation saw it missing.
/// </summary>
public sealed class SocketTransitions
{
    private SocketEventKind? _state;
    private ulong _inode;

    /// <summary>When the socket was last replaced; null until it has been.</summary>
    public DateTimeOffset? LastReplaced { get; private set; }

    public ulong Replacements { get; private set; }

    /// <summary>The event this observation makes, or null when nothing changed.</summary>
    public (SocketEventKind Kind, string Detail)? Observe(PathObservation socket, CanaryResult? canary, DateTimeOffset now)
    {
        var state = socket.Kind != PathKind.Socket ? SocketEventKind.Missing
            : canary is { Accepted: false } ? SocketEventKind.Refusing
            : SocketEventKind.Accepting;
        var replaced = socket.Kind == PathKind.Socket && _inode != 0 && socket.Inode != _inode;
        var previous = _state;
        var previousInode = _inode;
        _state = state;
        if (socket.Kind == PathKind.Socket)
        {
            _inode = socket.Inode;
        }
        if (replaced)
        {
            LastReplaced = now;
            Replacements++;
            return (SocketEventKind.Replaced, $"inode {previousInode} -> {socket.Inode}, {(state == SocketEventKind.Accepting ? "accepting" : $"refusing ({canary})")}");
        }
        if (previous == state)
        {
            return null;
        }
        return state switch
        {
            SocketEventKind.Missing => (state, "no socket at the path"),
            SocketEventKind.Refusing => (state, canary!.ToString()),
            _ => (state, $"inode {socket.Inode}"),
        };
    }
}
