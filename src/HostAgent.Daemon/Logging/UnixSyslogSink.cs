using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Events;

namespace HostAgent.Daemon.Logging;

/// <summary>
/// Writes RFC 5424 messages to the local syslog socket (a unix datagram socket such as
/// /run/hostagent/syslog/log). Logging never waits for the socket: events go into a bounded queue
/// that a background writer drains; when the queue is full new events are dropped and counted. When
/// rsyslog restarts the writer reopens the socket by path and sends what was waiting.
/// </summary>
public sealed class UnixSyslogSink : ILogEventSink, IDisposable
{
    // Larger datagrams are refused by the kernel (EMSGSIZE) or truncated by rsyslog anyway.
    private const int MaxMessageBytes = 64 * 1024;
    private static readonly TimeSpan MinReopenDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxReopenDelay = TimeSpan.FromSeconds(1);

    private readonly string _socketPath;
    private readonly Rfc5424Formatter _formatter;
    private readonly TimeProvider _time;
    private readonly Channel<string> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private Socket? _socket;
    private long _dropped;
    private long _sent;
    private long _opens;
    private int _disposed;

    public UnixSyslogSink(string socketPath, Rfc5424Formatter formatter, int capacity = 10_000, TimeProvider? time = null)
    {
        _socketPath = socketPath;
        _formatter = formatter;
        _time = time ?? TimeProvider.System;
        _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    public string SocketPath => _socketPath;

    /// <summary>Events dropped because the queue was full (the socket was gone or slow for too long).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Times the socket was opened: once at first, then again after every failure (an rsyslog restart).</summary>
    public long Opens => Interlocked.Read(ref _opens);

    /// <summary>Whether the last attempt to send succeeded.</summary>
    public bool Connected => Volatile.Read(ref _socket) is not null;

    public void Emit(LogEvent logEvent)
    {
        if (!_queue.Writer.TryWrite(_formatter.Format(logEvent)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Stops taking events, sends what is queued for up to <paramref name="timeout"/>, then closes.</summary>
    public void Flush(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        if (!_writer.Wait(timeout))
        {
            _stop.Cancel();
        }
    }

    public void Dispose()
    {
        // Serilog disposes the sinks of a logger it closes; an owner disposing the sink as well must not throw.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Flush(TimeSpan.FromSeconds(1));
        _stop.Cancel();
        try
        {
            _writer.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // The writer only ends by cancellation here; nothing to report while shutting down.
        }
        Close();
        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var token = _stop.Token;
        var buffer = new byte[MaxMessageBytes];
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (_queue.Reader.TryPeek(out var message))
                {
                    var length = Encode(message, buffer);
                    await SendAsync(buffer.AsMemory(0, length), token).ConfigureAwait(false);
                    _queue.Reader.TryRead(out _);
                    Interlocked.Increment(ref _sent);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one datagram, reopening the socket and retrying until it is accepted or the sink stops.</summary>
    private async Task SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken token)
    {
        var delay = MinReopenDelay;
        while (true)
        {
            var socket = _socket ?? Open();
            if (socket is not null)
            {
                try
                {
                    await socket.SendAsync(datagram, SocketFlags.None, token).ConfigureAwait(false);
                    return;
                }
                catch (SocketException)
                {
                    // Refused or gone: rsyslog stopped or replaced its socket. Reopen by path.
                    Close();
                }
            }
            await Task.Delay(delay, _time, token).ConfigureAwait(false);
            delay = delay * 2 > MaxReopenDelay ? MaxReopenDelay : delay * 2;
        }
    }

    private Socket? Open()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(_socketPath));
            Interlocked.Increment(ref _opens);
            Volatile.Write(ref _socket, socket);
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private void Close()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        socket?.Dispose();
    }

    private static int Encode(string message, byte[] buffer)
    {
        var encoder = Encoding.UTF8;
        if (encoder.GetMaxByteCount(message.Length) <= buffer.Length)
        {
            return encoder.GetBytes(message, buffer);
        }
        // Truncate on a character boundary rather than fail the whole message.
        encoder.GetEncoder().Convert(message, buffer, flush: true, out _, out var used, out _);
        return used;
    }
}
