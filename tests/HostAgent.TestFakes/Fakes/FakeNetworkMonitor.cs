using System.Diagnostics;
using HostAgent.Core.Networking;

namespace HostAgent.TestFakes;

/// <summary>
/// A monitor the test drives: <see cref="Raise(NetworkEvent)"/> delivers on the caller's thread, and events raised
/// before Start wait for it, as a real socket buffers them.
/// </summary>
public sealed class FakeNetworkMonitor : INetworkMonitor
{
    private readonly Lock _gate = new();
    private readonly Queue<NetworkEvent> _pending = new();
    private Action<NetworkEvent>? _onEvent;

    public bool IsStarted => Volatile.Read(ref _onEvent) is not null;

    public bool IsDisposed { get; private set; }

    public void Start(Action<NetworkEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        NetworkEvent[] backlog;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (_onEvent is not null)
            {
                throw new InvalidOperationException("the monitor is already started");
            }
            _onEvent = onEvent;
            backlog = [.. _pending];
            _pending.Clear();
        }
        foreach (var networkEvent in backlog)
        {
            onEvent(networkEvent);
        }
    }

    /// <summary>Delivers the event now, or queues it until Start; dropped after Dispose, like a closed socket.</summary>
    public void Raise(NetworkEvent networkEvent)
    {
        Action<NetworkEvent>? onEvent;
        lock (_gate)
        {
            if (IsDisposed)
            {
                return;
            }
            onEvent = _onEvent;
            if (onEvent is null)
            {
                _pending.Enqueue(networkEvent);
                return;
            }
        }
        onEvent(networkEvent);
    }

    /// <summary>Raises an event stamped with the current time.</summary>
    public void Raise(NetworkEventKind kind, int ifIndex = 0, string? name = null, Ipv4Prefix? address = null) =>
        Raise(new NetworkEvent(kind, ifIndex, name, address, Stopwatch.GetTimestamp()));

    public void Dispose()
    {
        lock (_gate)
        {
            IsDisposed = true;
            _pending.Clear();
        }
    }
}
