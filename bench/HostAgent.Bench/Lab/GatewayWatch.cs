using HostAgent.Core.Networking;
using HostAgent.Linux.Namespaces;
using HostAgent.Linux.Netlink;

namespace HostAgent.Bench.Lab;

/// <summary>
/// Follows the gateway address in one namespace through a single <see cref="RtnetlinkMonitor"/>, so the deletion and
/// the re-add of a repair are timestamped by the same receiver on the same clock (Stopwatch ticks right after recv).
/// Subscribed on construction: events from a process started afterwards are never missed.
/// </summary>
internal sealed class GatewayWatch : IDisposable
{
    public static readonly Ipv4Prefix Gateway = new(0x0AD80001, 24);

    private readonly RtnetlinkMonitor _monitor;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<NetworkEvent> _firstAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<long> _recorded = [];
    private Repair? _armed;
    private bool _recording;
    private long _recordDeletedAt;
    private long _overflows;

    public GatewayWatch(NetworkNamespace networkNamespace)
    {
        _monitor = new RtnetlinkMonitor(networkNamespace)
        {
            OnError = exception => Console.Error.WriteLine($"bench: monitor in {networkNamespace}: {exception.Message}"),
        };
        _monitor.Start(OnEvent);
    }

    /// <summary>The first time the gateway appears: the agent's first reconcile has created it.</summary>
    public Task<NetworkEvent> FirstAdded => _firstAdded.Task;

    /// <summary>Events the kernel dropped (ENOBUFS); any would make the numbers suspect.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    /// <summary>Expects one deletion followed by a re-add; call before deleting.</summary>
    public Repair Arm()
    {
        var repair = new Repair();
        lock (_lock)
        {
            _armed = repair;
        }
        return repair;
    }

    public void Disarm()
    {
        lock (_lock)
        {
            _armed = null;
        }
    }

    /// <summary>Records every deletion-to-re-add interval until <see cref="StopRecording"/>, for drift injected in a loop.</summary>
    public void StartRecording()
    {
        lock (_lock)
        {
            _recorded.Clear();
            _recordDeletedAt = 0;
            _recording = true;
        }
    }

    public IReadOnlyList<long> StopRecording()
    {
        lock (_lock)
        {
            _recording = false;
            return [.. _recorded];
        }
    }

    public void Dispose() => _monitor.Dispose();

    private void OnEvent(NetworkEvent networkEvent)
    {
        if (networkEvent.Kind == NetworkEventKind.Overflow)
        {
            Interlocked.Increment(ref _overflows);
            return;
        }
        if (networkEvent.Address != Gateway)
        {
            return;
        }
        var timestamp = networkEvent.ReceivedTimestamp;
        lock (_lock)
        {
            if (networkEvent.Kind == NetworkEventKind.AddressDeleted)
            {
                if (_armed is { DeletedAt: 0 } armed)
                {
                    armed.DeletedAt = timestamp;
                }
                if (_recording && _recordDeletedAt == 0)
                {
                    _recordDeletedAt = timestamp;
                }
                return;
            }
            if (networkEvent.Kind != NetworkEventKind.AddressAdded)
            {
                return;
            }
            _firstAdded.TrySetResult(networkEvent);
            if (_armed is { DeletedAt: not 0 } repaired)
            {
                _armed = null;
                repaired.Complete(timestamp);
            }
            if (_recording && _recordDeletedAt != 0)
            {
                _recorded.Add(timestamp - _recordDeletedAt);
                _recordDeletedAt = 0;
            }
        }
    }
}

/// <summary>One deletion and its repair, both as received by the watch.</summary>
internal sealed class Repair : IDisposable
{
    // No spinning: on two cores a spinning waiter takes CPU from the agent it is waiting for.
    private readonly ManualResetEventSlim _done = new(false, spinCount: 0);

    public long DeletedAt { get; set; }

    public long AddedAt { get; private set; }

    public long Ticks => AddedAt - DeletedAt;

    public bool Wait(TimeSpan timeout) => _done.Wait(timeout);

    public void Complete(long addedAt)
    {
        AddedAt = addedAt;
        _done.Set();
    }

    public void Dispose() => _done.Dispose();
}
