using System.Globalization;
using System.Net.Sockets;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Syslog;

/// <summary>
/// The log socket held by the agent where there is no systemd to hold it: bound once, handed to every
/// rsyslogd the agent starts (as systemd's socket activation does), so datagrams sent while rsyslog restarts
/// wait in it. An agent that restarts takes a copy back from the running rsyslogd (pidfd_getfd).
/// </summary>
public sealed class HeldLogSocket : IDisposable
{
    /// <summary>Room for a burst while rsyslogd restarts; set with SO_RCVBUFFORCE as systemd's ReceiveBuffer= does.</summary>
    public const int ReceiveBufferBytes = 8 * 1024 * 1024;

    private const int SolSocket = 1;
    private const int SoRcvbufforce = 33;

    private Socket? _socket;

    public HeldLogSocket(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public bool IsHeld => _socket is not null;

    /// <summary>The descriptor to pass on; only while held.</summary>
    public SafeSocketHandle Handle => (_socket ?? throw new InvalidOperationException("the log socket is not held")).SafeHandle;

    /// <summary>
    /// Binds the path. A socket file nobody serves (left by an rsyslogd that is gone) is replaced; a live socket
    /// or anything that is not a socket is never touched.
    /// </summary>
    public void Bind()
    {
        if (_socket is not null)
        {
            return;
        }
        var existing = new LinuxSocketDirectory().Observe(Path, readLabel: false);
        if (existing.Exists)
        {
            if (existing.Kind != Core.Syslog.PathKind.Socket)
            {
                throw new IOException($"cannot hold {Path}: it exists and is not a socket");
            }
            if (!IsDeadSocket(Path))
            {
                throw new IOException($"cannot hold {Path}: another process serves that socket");
            }
            File.Delete(Path);
        }
        var socket = new Socket(new SafeSocketHandle(BindDescriptor(Path), ownsHandle: true));
        try
        {
            socket.SetRawSocketOption(SolSocket, SoRcvbufforce, BitConverter.GetBytes(ReceiveBufferBytes));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
    }

    /// <summary>
    /// socket(2) and bind(2) directly: a .NET Socket bound to a path unlinks that path when it is disposed, and
    /// the agent must never remove the socket (rsyslogd and every container still use it).
    /// </summary>
    private static unsafe int BindDescriptor(string path)
    {
        var fd = SyslogNative.Socket(SyslogNative.AfUnix, SyslogNative.SockDgram | SyslogNative.SockCloexec, 0);
        if (fd < 0)
        {
            throw new IOException($"cannot create a unix socket: {Errno.Describe(Errno.Last)}");
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(path);
        var address = stackalloc byte[SyslogNative.SockaddrUnSize];
        new Span<byte>(address, SyslogNative.SockaddrUnSize).Clear();
        *(ushort*)address = SyslogNative.AfUnix;
        bytes.CopyTo(new Span<byte>(address + 2, SyslogNative.SockaddrUnSize - 3));
        if (SyslogNative.Bind(fd, address, (uint)(2 + bytes.Length + 1)) != 0)
        {
            var errno = Errno.Last;
            SyslogNative.Close(fd);
            throw new IOException($"cannot bind {path}: {Errno.Describe(errno)}");
        }
        return fd;
    }

    /// <summary>
    /// Takes a copy of the socket bound at <see cref="Path"/> from a running process (the rsyslogd a previous
    /// agent started); false when that process has no such socket or the kernel refuses.
    /// </summary>
    public unsafe bool TryAdopt(int pid)
    {
        if (_socket is not null)
        {
            return true;
        }
        if (FindDescriptor(pid) is not { } target)
        {
            return false;
        }
        var pidfd = (int)SyslogNative.Syscall(SyslogNative.SysPidfdOpen, pid, 0, 0);
        if (pidfd < 0)
        {
            return false;
        }
        try
        {
            var fd = (int)SyslogNative.Syscall(SyslogNative.SysPidfdGetfd, pidfd, target, 0);
            if (fd < 0)
            {
                return false;
            }
            _socket = new Socket(new SafeSocketHandle(fd, ownsHandle: true));
            return true;
        }
        finally
        {
            SyslogNative.Close(pidfd);
        }
    }

    public void Dispose()
    {
        // Closing our copy leaves the path and rsyslogd's copy alone (the descriptor was bound without .NET knowing the path).
        _socket?.Dispose();
        _socket = null;
    }

    private static bool IsDeadSocket(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
        catch (SocketException)
        {
            // Anything but a plain refusal (permissions, a full queue) means someone may still use it.
            return false;
        }
    }

    /// <summary>The process's descriptor for the unix socket bound at the path, via its network namespace's /proc/net/unix.</summary>
    private int? FindDescriptor(int pid)
    {
        string[] table;
        try
        {
            table = File.ReadAllLines($"/proc/{pid}/net/unix");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // Num RefCount Protocol Flags Type St Inode Path
        var inode = table.Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 8 && fields[7] == Path)
            .Select(fields => fields[6])
            .FirstOrDefault();
        if (inode is null)
        {
            return null;
        }
        var wanted = $"socket:[{inode}]";
        foreach (var link in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(link).LinkTarget == wanted)
                {
                    return int.Parse(System.IO.Path.GetFileName(link), CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }
        return null;
    }

    internal int DuplicateDescriptor()
    {
        var fd = SyslogNative.Fcntl((int)Handle.DangerousGetHandle(), SyslogNative.FDupfdCloexec, 10);
        return fd >= 0 ? fd : throw new IOException($"cannot duplicate the log socket: {Errno.Describe(Errno.Last)}");
    }
}
