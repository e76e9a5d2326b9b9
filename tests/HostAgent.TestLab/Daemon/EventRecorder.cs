using System.Collections.Concurrent;
using HostAgent.Core.Networking;
using HostAgent.Linux.Netlink;


namespace HostAgent.TestLab.Daemon;

/// <summary>Records every link and address event of a test namespace, as the kernel reports them.</summary>
public sealed class EventRecorder : IDisposable
{
    private readonly RtnetlinkMonitor _monitor;
    private readonly ConcurrentQueue<NetworkEvent> _events = new();

    public EventRecorder(TestNetns netns)
    {
        _monitor = new RtnetlinkMonitor(netns.Namespace);
        _monitor.Start(_events.Enqueue);
    }

    public IReadOnlyList<NetworkEvent> Events => [.. _events];

    public void Clear() => _events.Clear();

    public void Dispose() => _monitor.Dispose();
}
