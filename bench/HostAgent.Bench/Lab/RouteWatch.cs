using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace HostAgent.Bench.Lab;

/// <summary>
/// Waits for one IPv4 route to appear in a namespace's kernel: an rtnetlink socket subscribed to the IPv4 route
/// group, read on a thread of its own, so the add is timestamped (Stopwatch ticks right after recv) the moment the
/// kernel announces it, with no polling. Subscribed on construction: a route added afterwards is never missed.
/// </summary>
internal sealed unsafe class RouteWatch : IDisposable
{
    /// <summary>Protocol number of routes installed by zebra for bgpd (RTPROT_BGP).</summary>
    public const byte ProtocolBgp = 186;

    private const uint GroupIpv4Route = 0x40;
    private const ushort NewRoute = 24;
    private const int HeaderLength = 16;
    private const int RtMsgLength = 12;
    private const ushort RtaDst = 1;
    private const ushort RtaGateway = 5;

    private readonly int _fd;
    private readonly byte[] _destination;
    private readonly int _prefixLength;
    private readonly byte[] _gateway;
    private readonly byte _protocol;
    private readonly Thread _thread;
    private readonly TaskCompletionSource<long> _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    /// <param name="protocol">The route's origin (rtm_protocol), e.g. 186 for routes zebra installs from BGP.</param>
    public RouteWatch(BenchNode node, string destination, int prefixLength, string gateway, byte protocol)
    {
        _destination = IPAddress.Parse(destination).GetAddressBytes();
        _prefixLength = prefixLength;
        _gateway = IPAddress.Parse(gateway).GetAddressBytes();
        _protocol = protocol;
        // A netlink socket belongs to the namespace it was created in, whichever thread reads it later.
        _fd = node.Namespace.Run(Open);
        _thread = new Thread(Run) { IsBackground = true, Name = "route watch" };
        _thread.Start();
    }

    /// <summary>The Stopwatch timestamp at which the route's RTM_NEWROUTE was received.</summary>
    public Task<long> Added => _added.Task;

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        Native.Close(_fd);
    }

    private static int Open()
    {
        var fd = Native.Socket(Native.AfNetlink, Native.SockRaw | Native.SockCloexec, Native.NetlinkRoute);
        if (fd < 0)
        {
            throw new InvalidOperationException($"netlink socket: errno {Marshal.GetLastPInvokeError()}");
        }
        // sockaddr_nl: family, pad, pid (0: the kernel picks), groups.
        var address = stackalloc uint[3];
        address[0] = Native.AfNetlink;
        address[1] = 0;
        address[2] = GroupIpv4Route;
        // A short receive timeout lets the thread notice Dispose.
        var timeout = stackalloc long[2];
        timeout[0] = 0;
        timeout[1] = 50_000;
        if (Native.Bind(fd, address, 12) != 0 || Native.SetSockOpt(fd, Native.SolSocket, Native.SoRcvtimeo, timeout, 16) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Native.Close(fd);
            throw new InvalidOperationException($"netlink socket bind/setsockopt: errno {errno}");
        }
        return fd;
    }

    private void Run()
    {
        var buffer = new byte[64 * 1024];
        while (!_stopping)
        {
            nint received;
            fixed (byte* pointer = buffer)
            {
                received = Native.Recv(_fd, pointer, (nuint)buffer.Length, 0);
            }
            var at = Stopwatch.GetTimestamp();
            if (received < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is Native.Eagain or Native.Eintr)
                {
                    continue;
                }
                _added.TrySetException(new InvalidOperationException($"route watch: recv failed, errno {errno}"));
                return;
            }
            if (!_added.Task.IsCompleted && Contains(buffer.AsSpan(0, (int)received)))
            {
                _added.TrySetResult(at);
            }
        }
        _added.TrySetCanceled();
    }

    private bool Contains(ReadOnlySpan<byte> messages)
    {
        while (messages.Length >= HeaderLength)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(messages);
            if (length < HeaderLength || length > messages.Length)
            {
                return false;
            }
            var type = BinaryPrimitives.ReadUInt16LittleEndian(messages[4..]);
            if (type == NewRoute && Matches(messages[HeaderLength..length]))
            {
                return true;
            }
            messages = messages[Math.Min(messages.Length, (length + 3) & ~3)..];
        }
        return false;
    }

    private bool Matches(ReadOnlySpan<byte> route)
    {
        // struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags.
        if (route.Length < RtMsgLength || route[0] != (byte)System.Net.Sockets.AddressFamily.InterNetwork
            || route[1] != _prefixLength || route[5] != _protocol)
        {
            return false;
        }
        var destination = false;
        var gateway = false;
        var attributes = route[RtMsgLength..];
        while (attributes.Length >= 4)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(attributes);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(attributes[2..]);
            if (length < 4 || length > attributes.Length)
            {
                break;
            }
            var value = attributes[4..length];
            destination |= type == RtaDst && value.SequenceEqual(_destination);
            gateway |= type == RtaGateway && value.SequenceEqual(_gateway);
            attributes = attributes[Math.Min(attributes.Length, (length + 3) & ~3)..];
        }
        return destination && gateway;
    }
}
