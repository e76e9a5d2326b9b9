using System.Globalization;
using System.Net.Sockets;
using System.Text;
using HostAgent.Core.Syslog;

namespace HostAgent.Linux.Syslog;

/// <summary>
/// Writes a tagged RFC 5424 message ("hostagent ... canary") to the log socket with a non-blocking send: a
/// full or unread socket is reported, never waited on.
/// </summary>
public sealed class UnixSocketCanary : ISyslogCanary
{
    public const string MessageId = "canary";

    private readonly string _hostname;
    private readonly TimeProvider _time;
    private long _sequence;

    public UnixSocketCanary(TimeProvider time, string? hostname = null)
    {
        _time = time;
        _hostname = hostname ?? Environment.MachineName;
    }

    public long Sent => Interlocked.Read(ref _sequence);

    public CanaryResult Send(string socketPath)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var message = Format(sequence);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { Blocking = false };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send(Encoding.UTF8.GetBytes(message));
            return new CanaryResult(CanaryOutcome.Accepted, $"canary {sequence}");
        }
        catch (SocketException exception)
        {
            var outcome = exception.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => CanaryOutcome.Refused,
                SocketError.WouldBlock => CanaryOutcome.Full,
                SocketError.AddressNotAvailable => CanaryOutcome.Missing,
                _ when exception.NativeErrorCode == Interop.Errno.ENOENT => CanaryOutcome.Missing,
                _ => CanaryOutcome.Failed,
            };
            return new CanaryResult(outcome, exception.Message);
        }
    }

    /// <summary>user.info, app "hostagent", msgid "canary", the sequence number in structured data.</summary>
    public string Format(long sequence)
    {
        var now = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"<14>1 {now} {_hostname} hostagent {Environment.ProcessId} {MessageId} [hostagent@32473 canary=\"{sequence}\"] log socket canary {sequence}");
    }
}
