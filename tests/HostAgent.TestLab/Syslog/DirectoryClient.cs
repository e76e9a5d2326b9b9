using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace HostAgent.TestLab.Syslog;

/// <summary>
/// A logging client as it runs in a container: it holds only the socket directory (an O_PATH descriptor,
/// as a bind mount would give it) and reaches the socket by name inside it, reopening it whenever a send
/// fails, then sending the same message again. Sends block while the socket's queue is full, as glibc's do.
/// </summary>
public sealed class DirectoryClient : IDisposable
{
    private const int OPath = 0x200000;
    private const int ODirectory = 0x10000;
    private const int OCloexec = 0x80000;

    private readonly int _directoryFd;
    private readonly string _socketName;
    private Socket? _socket;

    public DirectoryClient(string directory, string socketName = "log")
    {
        _directoryFd = Open(directory, OPath | ODirectory | OCloexec);
        if (_directoryFd < 0)
        {
            throw new IOException($"cannot open {directory}: errno {Marshal.GetLastPInvokeError()}");
        }
        _socketName = socketName;
    }

    /// <summary>Sends that failed and were retried after reopening the socket.</summary>
    public int Retries { get; private set; }

    public int Opens { get; private set; }

    /// <summary>RFC 3164 with the tag the lab counts by: "&lt;14&gt;TIMESTAMP lab-client: seq N".</summary>
    public static string Message(int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"<14>{DateTime.UtcNow:MMM dd HH:mm:ss} {LabCount.ClientTag}: seq {sequence}");

    public void Send(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        while (true)
        {
            try
            {
                (_socket ??= Connect()).Send(bytes);
                return;
            }
            catch (SocketException)
            {
                _socket?.Dispose();
                _socket = null;
                Retries++;
                Thread.Sleep(10);
            }
        }
    }

    public void Dispose()
    {
        _socket?.Dispose();
        Close(_directoryFd);
    }

    /// <summary>The path through the directory descriptor: only the directory is held, the name is looked up anew.</summary>
    private Socket Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint($"/proc/self/fd/{_directoryFd}/{_socketName}"));
            Opens++;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // DllImport rather than LibraryImport: this project is not compiled with unsafe code.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
