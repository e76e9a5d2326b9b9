using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;
using HostAgent.Linux.Namespaces;

namespace HostAgent.Linux.Netlink;

/// <summary>
/// <see cref="INetworkMonitor"/> over an rtnetlink socket subscribed to link and IPv4 address groups.
/// The socket is bound in the constructor, so changes made after construction are delivered once started.
/// </summary>
public sealed partial class RtnetlinkMonitor : INetworkMonitor
{
    /// <summary>Room for bursts, e.g. many pods starting at once; the kernel doubles it for bookkeeping.</summary>
    public const int DefaultReceiveBufferBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly NetlinkSocket _socket;
    private readonly FileDescriptorHandle _wakeup;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Thread? _thread;
    private Action<NetworkEvent>? _onEvent;
    private volatile bool _stopping;

    /// <summary>Subscribes in <paramref name="networkNamespace"/>, or in the current namespace when null.</summary>
    public RtnetlinkMonitor(NetworkNamespace? networkNamespace = null)
        : this(networkNamespace, DefaultReceiveBufferBytes)
    {
    }

    internal RtnetlinkMonitor(NetworkNamespace? networkNamespace, int receiveBufferBytes)
    {
        _socket = NetlinkSocket.Open(Rtnl.GroupLink | Rtnl.GroupIpv4Address, networkNamespace);
        try
        {
            // SO_RCVBUFFORCE passes rmem_max when we have CAP_NET_ADMIN; otherwise take what SO_RCVBUF allows.
            if (_socket.TrySetOption(LibC.SolSocket, LibC.SoRcvbufforce, receiveBufferBytes) != 0)
            {
                _socket.TrySetOption(LibC.SolSocket, LibC.SoRcvbuf, receiveBufferBytes);
            }
            ReceiveBufferBytes = _socket.GetIntOption(LibC.SolSocket, LibC.SoRcvbuf);
            var wakeup = LibC.EventFd(0, LibC.EfdCloexec);
            if (wakeup < 0)
            {
                var errno = Errno.Last;
                throw new KernelNetworkException($"create the monitor's stop signal: {Errno.Describe(errno)}", errno);
            }
            _wakeup = new FileDescriptorHandle(wakeup);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Told about failures: an exception thrown by the event callback (delivery goes on), or a receive error
    /// (the monitor stops). When unset, such an exception is rethrown on the monitor thread and ends the process.
    /// </summary>
    public Action<Exception>? OnError { get; set; }

    /// <summary>The socket's receive buffer as the kernel granted it.</summary>
    public int ReceiveBufferBytes { get; }

    /// <summary>Whether the monitor thread is running.</summary>
    public bool IsRunning => _thread?.IsAlive == true;

    public void Start(Action<NetworkEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (Interlocked.CompareExchange(ref _onEvent, onEvent, null) is not null)
        {
            throw new InvalidOperationException("the monitor is already started");
        }
        _thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "rtnetlink monitor",
        };
        _thread.Start();
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        Signal();
        var thread = _thread;
        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join(StopTimeout);
        }
        // Safe even if the thread is still inside a call: the handles close when its last use ends.
        _socket.Dispose();
        _wakeup.Dispose();
    }

    private unsafe void Signal()
    {
        var one = 1UL;
        LibC.Write(_wakeup, &one, sizeof(ulong));
    }
}
