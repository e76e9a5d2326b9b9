using System.Net.Sockets;
using System.Text;
using HostAgent.Core.Bgp;

namespace HostAgent.Linux.Bgp;

/// <summary>What a daemon answered to one command on its vty socket.</summary>
/// <param name="Status">The daemon's command status: 0 is success; 2 an unknown command; 13 a config change it refused.</param>
public readonly record struct VtyReply(int Status, string Output)
{
    public bool Succeeded => Status == 0;
}

/// <summary>
/// One connection to a Quagga or FRR daemon's vty socket (bgpd.vty), speaking what vtysh speaks to it: a
/// command goes out as one line ending in a NUL byte; the answer is the command's output, three NUL bytes,
/// and a byte with the command's status. A new connection starts in view mode; <see cref="ConnectAsync"/>
/// enters enable mode. Closing the connection leaves config mode and releases its lock.
/// </summary>
public sealed class VtyConnection : IDisposable
{
    /// <summary>Daemons answer a read of their whole running config in one burst; larger answers arrive in pieces.</summary>
    private const int ReadChunk = 64 * 1024;

    private readonly Socket _socket;
    private readonly string _path;
    private readonly byte[] _chunk = new byte[ReadChunk];

    private VtyConnection(Socket socket, string path)
    {
        _socket = socket;
        _path = path;
    }

    /// <summary>Connects and enters enable mode; throws <see cref="BgpDaemonException"/> when nothing answers at <paramref name="path"/>.</summary>
    public static async Task<VtyConnection> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var connection = new VtyConnection(socket, path);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            var enable = await connection.RunAsync("enable", cancellationToken).ConfigureAwait(false);
            if (!enable.Succeeded)
            {
                throw new BgpDaemonException($"{path} refused \"enable\": {Describe(enable)}");
            }
            return connection;
        }
        catch (SocketException exception)
        {
            connection.Dispose();
            throw new BgpDaemonException($"cannot connect to {path}: {exception.Message}", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command and reads its whole answer; throws <see cref="BgpDaemonException"/> when the daemon hangs up.</summary>
    public async Task<VtyReply> RunAsync(string command, CancellationToken cancellationToken)
    {
        if (command.Contains('\0', StringComparison.Ordinal) || command.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("a vty command is one line without NUL bytes", nameof(command));
        }
        var line = new byte[Encoding.UTF8.GetByteCount(command) + 1];
        Encoding.UTF8.GetBytes(command, line);
        try
        {
            await _socket.SendAsync(line, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            using var answer = new MemoryStream();
            while (true)
            {
                var read = await _socket.ReceiveAsync(_chunk, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new BgpDaemonException($"{_path} closed the connection during \"{command}\"");
                }
                answer.Write(_chunk, 0, read);
                if (TryParse(answer.GetBuffer().AsSpan(0, (int)answer.Length), out var reply))
                {
                    return reply;
                }
            }
        }
        catch (SocketException exception)
        {
            throw new BgpDaemonException($"{_path} failed during \"{command}\": {exception.Message}", exception);
        }
    }

    /// <summary>An answer is complete when it ends with three NUL bytes and the status byte.</summary>
    public static bool TryParse(ReadOnlySpan<byte> answer, out VtyReply reply)
    {
        if (answer.Length >= 4 && answer[^4] == 0 && answer[^3] == 0 && answer[^2] == 0)
        {
            reply = new VtyReply(answer[^1], Encoding.UTF8.GetString(answer[..^4]));
            return true;
        }
        reply = default;
        return false;
    }

    /// <summary>A reply for a message: its output, or its status when it printed nothing.</summary>
    public static string Describe(VtyReply reply)
    {
        var text = string.Join("; ", reply.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 0 ? $"{text} (status {reply.Status})" : $"status {reply.Status}";
    }

    public void Dispose() => _socket.Dispose();
}
