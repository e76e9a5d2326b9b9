using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;
using HostAgent.Linux.Namespaces;

namespace HostAgent.Linux.Netlink;

/// <summary>An AF_NETLINK/NETLINK_ROUTE socket, bound to the given multicast groups (0 for a request socket).</summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    private readonly FileDescriptorHandle _handle;

    private NetlinkSocket(FileDescriptorHandle handle, uint portId)
    {
        _handle = handle;
        PortId = portId;
    }

    /// <summary>The port id the kernel gave this socket.</summary>
    public uint PortId { get; }

    internal FileDescriptorHandle Handle => _handle;

    /// <summary>Creates the socket inside <paramref name="networkNamespace"/>, or in the caller's namespace when null.</summary>
    public static NetlinkSocket Open(uint groups, NetworkNamespace? networkNamespace) =>
        networkNamespace is null ? Open(groups) : networkNamespace.Run(() => Open(groups));

    private static NetlinkSocket Open(uint groups)
    {
        var fd = LibC.Socket(LibC.AfNetlink, LibC.SockRaw | LibC.SockCloexec, LibC.NetlinkRoute);
        if (fd < 0)
        {
            throw Failure("open a netlink socket", Errno.Last);
        }
        var handle = new FileDescriptorHandle(fd);
        try
        {
            var address = new SockaddrNl { Family = LibC.AfNetlink, Groups = groups };
            if (LibC.Bind(handle, &address, (uint)sizeof(SockaddrNl)) != 0)
            {
                throw Failure($"bind a netlink socket to groups 0x{groups:x}", Errno.Last);
            }
            var length = (uint)sizeof(SockaddrNl);
            if (LibC.GetSockName(handle, &address, &length) != 0)
            {
                throw Failure("read a netlink socket's address", Errno.Last);
            }
            return new NetlinkSocket(handle, address.PortId);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Sets an int socket option; returns 0 or the errno.</summary>
    public int TrySetOption(int level, int name, int value) =>
        LibC.SetSockOpt(_handle, level, name, &value, sizeof(int)) == 0 ? 0 : Errno.Last;

    public int GetIntOption(int level, int name)
    {
        var value = 0;
        var length = (uint)sizeof(int);
        return LibC.GetSockOpt(_handle, level, name, &value, &length) == 0
            ? value
            : throw Failure($"read socket option {level}/{name}", Errno.Last);
    }

    /// <summary>Makes a blocking receive give up with EAGAIN after <paramref name="timeout"/>.</summary>
    public void SetReceiveTimeout(TimeSpan timeout)
    {
        // struct timeval on 64-bit Linux: two longs.
        var timeval = stackalloc long[2];
        timeval[0] = (long)timeout.TotalSeconds;
        timeval[1] = timeout.Microseconds + (timeout.Milliseconds * 1000L);
        if (LibC.SetSockOpt(_handle, LibC.SolSocket, LibC.SoRcvtimeo, timeval, 2 * sizeof(long)) != 0)
        {
            throw Failure("set the netlink receive timeout", Errno.Last);
        }
    }

    /// <summary>Sends one datagram to the kernel; returns 0 or the errno.</summary>
    public int Send(ReadOnlySpan<byte> message)
    {
        var kernel = new SockaddrNl { Family = LibC.AfNetlink };
        fixed (byte* bytes = message)
        {
            while (true)
            {
                var sent = LibC.SendTo(_handle, bytes, (nuint)message.Length, 0, &kernel, (uint)sizeof(SockaddrNl));
                if (sent >= 0)
                {
                    return 0;
                }
                var errno = Errno.Last;
                if (errno != Errno.EINTR)
                {
                    return errno;
                }
            }
        }
    }

    /// <summary>
    /// Receives one datagram. Returns its full length (larger than the buffer when it was truncated) or minus the errno;
    /// <paramref name="senderPortId"/> is 0 when the kernel sent it.
    /// </summary>
    public int Receive(Span<byte> buffer, bool wait, out uint senderPortId)
    {
        var from = default(SockaddrNl);
        var fromLength = (uint)sizeof(SockaddrNl);
        fixed (byte* bytes = buffer)
        {
            var received = LibC.RecvFrom(_handle, bytes, (nuint)buffer.Length, LibC.MsgTrunc | (wait ? 0 : LibC.MsgDontwait), &from, &fromLength);
            senderPortId = from.PortId;
            return received >= 0 ? (int)received : -Errno.Last;
        }
    }

    public void Dispose() => _handle.Dispose();

    private static KernelNetworkException Failure(string operation, int errno) =>
        new($"{operation}: {Errno.Describe(errno)}", errno);
}
