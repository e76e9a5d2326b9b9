using System.Text;
using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;
using HostAgent.Linux.Namespaces;

namespace HostAgent.Linux.Netlink;

/// <summary>
/// <see cref="IKernelNetwork"/> over one rtnetlink request socket. Calls are serialised by a lock, so one instance
/// may be shared between threads; each change is acknowledged by the kernel before the call returns.
/// </summary>
public sealed partial class RtnetlinkKernelNetwork : IKernelNetwork, IDisposable
{
    private const int MaxNameBytes = 15;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly NetlinkSocket _socket;
    private readonly NetlinkMessageWriter _request = new();
    private readonly byte[] _receiveBuffer = new byte[64 * 1024];
    private uint _sequence;
    private bool _disposed;

    /// <summary>Opens the request socket in <paramref name="networkNamespace"/>, or in the current namespace when null.</summary>
    public RtnetlinkKernelNetwork(NetworkNamespace? networkNamespace = null)
    {
        _socket = NetlinkSocket.Open(0, networkNamespace);
        try
        {
            // Optional refinements, so older kernels that lack them are fine:
            // the kernel's own reason text in errors, no echo of our request in acks, and index-filtered dumps.
            _socket.TrySetOption(LibC.SolNetlink, LibC.NetlinkExtAck, 1);
            _socket.TrySetOption(LibC.SolNetlink, LibC.NetlinkCapAck, 1);
            _socket.TrySetOption(LibC.SolNetlink, LibC.NetlinkGetStrictChk, 1);
            _socket.SetReceiveTimeout(ReplyTimeout);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _socket.Dispose();
        }
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{name}' is not a valid interface name (at most {MaxNameBytes} bytes, no '/' or whitespace)", nameof(name));
        }
    }

    private static void ValidateIndex(int ifIndex) => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifIndex);
}
