using System.Diagnostics;
using System.Runtime.ExceptionServices;
using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Netlink;

/// <summary>The monitor thread: wait, receive, parse, deliver.</summary>
public sealed partial class RtnetlinkMonitor
{
    // poll() on the socket and an eventfd: events are handled the moment they arrive, and Dispose wakes the
    // thread at once (closing a netlink socket does not wake a thread blocked in recv).
    private unsafe void Run()
    {
        var socketAdded = false;
        var wakeupAdded = false;
        try
        {
            _socket.Handle.DangerousAddRef(ref socketAdded);
            _wakeup.DangerousAddRef(ref wakeupAdded);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between Start and this thread's first step: nothing to watch.
            Release(socketAdded, wakeupAdded);
            return;
        }
        try
        {
            var fds = stackalloc PollFd[2];
            while (!_stopping)
            {
                fds[0] = new PollFd { Fd = _socket.Handle.Fd, Events = LibC.PollIn };
                fds[1] = new PollFd { Fd = _wakeup.Fd, Events = LibC.PollIn };
                if (LibC.Poll(fds, 2, -1) < 0)
                {
                    var errno = Errno.Last;
                    if (errno == Errno.EINTR)
                    {
                        continue;
                    }
                    Report(new KernelNetworkException($"wait for rtnetlink notifications: {Errno.Describe(errno)}", errno));
                    return;
                }
                if (fds[1].ReturnedEvents != 0)
                {
                    return;
                }
                if (fds[0].ReturnedEvents != 0 && !ReceiveOnce())
                {
                    return;
                }
            }
        }
        finally
        {
            Release(socketAdded, wakeupAdded);
        }
    }

    private void Release(bool socketAdded, bool wakeupAdded)
    {
        if (wakeupAdded)
        {
            _wakeup.DangerousRelease();
        }
        if (socketAdded)
        {
            _socket.Handle.DangerousRelease();
        }
    }

    /// <summary>Handles one datagram (or one error); false when the monitor must stop.</summary>
    private bool ReceiveOnce()
    {
        var received = _socket.Receive(_buffer, wait: false, out var sender);
        var timestamp = Stopwatch.GetTimestamp();
        if (received < 0)
        {
            var errno = -received;
            switch (errno)
            {
                case Errno.EINTR or Errno.EAGAIN:
                    return true;
                case Errno.ENOBUFS:
                    Deliver(new NetworkEvent(NetworkEventKind.Overflow, 0, null, null, timestamp));
                    return true;
                default:
                    Report(new KernelNetworkException($"receive rtnetlink notifications: {Errno.Describe(errno)}", errno));
                    return false;
            }
        }
        if (received > _buffer.Length)
        {
            // The tail of the datagram is gone, so whatever it said is lost: same as an overflow.
            Deliver(new NetworkEvent(NetworkEventKind.Overflow, 0, null, null, timestamp));
            return true;
        }
        // Only the kernel speaks on these groups; a root process could forge messages from another port.
        if (sender != 0)
        {
            return true;
        }
        DeliverAll(received, timestamp);
        return true;
    }

    private void DeliverAll(int length, long timestamp)
    {
        var reader = new NetlinkMessageReader(_buffer.AsSpan(0, length));
        try
        {
            while (!_stopping && reader.TryRead(out var message))
            {
                if (TryParse(message, timestamp) is { } networkEvent)
                {
                    Deliver(networkEvent);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            Report(new KernelNetworkException($"malformed rtnetlink notification: {exception.Message}", exception));
        }
    }

    private static NetworkEvent? TryParse(NetlinkMessage message, long timestamp)
    {
        switch (message.Type)
        {
            case Rtnl.NewLink or Rtnl.DelLink:
                var (index, name) = RtnetlinkParser.ParseLinkIdentity(message.Payload);
                var kind = message.Type == Rtnl.NewLink ? NetworkEventKind.LinkChanged : NetworkEventKind.LinkDeleted;
                return new NetworkEvent(kind, index, name, null, timestamp);
            case Rtnl.NewAddr or Rtnl.DelAddr:
                if (!RtnetlinkParser.TryParseAddress(message.Payload, out var ifIndex, out var address))
                {
                    return null;
                }
                var addressKind = message.Type == Rtnl.NewAddr ? NetworkEventKind.AddressAdded : NetworkEventKind.AddressDeleted;
                return new NetworkEvent(addressKind, ifIndex, null, address, timestamp);
            default:
                return null;
        }
    }

    private void Deliver(NetworkEvent networkEvent)
    {
        try
        {
            _onEvent!(networkEvent);
        }
        catch (Exception exception)
        {
            Report(exception);
        }
    }

    private void Report(Exception exception)
    {
        var handler = OnError;
        if (handler is null)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
        handler(exception);
    }
}
