using HostAgent.Core.Networking;

namespace HostAgent.TestLab;

/// <summary>Collects monitor events from any thread and lets a test wait for one.</summary>
public sealed class NetworkEventRecorder
{
    private readonly object _gate = new();
    private readonly List<NetworkEvent> _events = [];

    public IReadOnlyList<NetworkEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Pass to <see cref="INetworkMonitor.Start"/>.</summary>
    public void Record(NetworkEvent networkEvent)
    {
        lock (_gate)
        {
            _events.Add(networkEvent);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The first event so far or within <paramref name="timeout"/> that matches; null if none came.</summary>
    public NetworkEvent? WaitFor(Func<NetworkEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            var checkedCount = 0;
            while (true)
            {
                for (; checkedCount < _events.Count; checkedCount++)
                {
                    if (match(_events[checkedCount]))
                    {
                        return _events[checkedCount];
                    }
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }
                Monitor.Wait(_gate, left);
            }
        }
    }
}
