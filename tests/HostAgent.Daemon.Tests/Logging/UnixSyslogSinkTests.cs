using System.Net.Sockets;
using System.Text;
using HostAgent.Daemon.Logging;
using HostAgent.Daemon.Tests.Support;
using Serilog.Events;
using Xunit;

namespace HostAgent.Daemon.Tests.Logging;

/// <summary>The sink against a plain unix datagram socket standing in for rsyslog's.</summary>
public sealed class UnixSyslogSinkTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hostagent-sink-").FullName;

    private string SocketPath => Path.Combine(_directory, "log");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Emit_ListenerPresent_MessageArrivesAsOneDatagram()
    {
        using var listener = Listen();
        using var sink = NewSink();

        sink.Emit(LogEvents.Create(LogEventLevel.Information, "hello {Who}", ("Who", "world")));

        var received = await ReceiveAsync(listener);
        Assert.StartsWith("<30>1 ", received, StringComparison.Ordinal);
        Assert.EndsWith("] hello world", received, StringComparison.Ordinal);
        await Eventually.Until(() => sink.Sent, sent => sent == 1, "the datagram counted as sent");
    }

    [Fact]
    public async Task Emit_SocketReplaced_ReopensAndDeliversEverything()
    {
        var listener = Listen();
        using var sink = NewSink();
        sink.Emit(LogEvents.Create(LogEventLevel.Information, "before"));
        Assert.EndsWith("before", await ReceiveAsync(listener), StringComparison.Ordinal);

        // What an rsyslog restart does: the socket goes away, a new one appears at the same path.
        listener.Dispose();
        File.Delete(SocketPath);
        sink.Emit(LogEvents.Create(LogEventLevel.Information, "during"));
        await Task.Delay(200);
        using var replacement = Listen();
        sink.Emit(LogEvents.Create(LogEventLevel.Information, "after"));

        Assert.EndsWith("during", await ReceiveAsync(replacement), StringComparison.Ordinal);
        Assert.EndsWith("after", await ReceiveAsync(replacement), StringComparison.Ordinal);
        Assert.True(sink.Opens >= 2);
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public async Task Emit_SocketMissingAndQueueFull_NeverBlocksAndCountsDrops()
    {
        using var sink = new UnixSyslogSink(SocketPath, new Rfc5424Formatter("node1", "hostagent", 1), capacity: 100);

        // A blocking Emit would hang here; the generous bound only turns a hang into a failure.
        var emitting = Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                sink.Emit(LogEvents.Create(LogEventLevel.Information, "message {N}", ("N", i)));
            }
        });
        await emitting.WaitAsync(TimeSpan.FromSeconds(30));

        // The writer holds at most one message out of the queue while it waits for the socket.
        Assert.InRange(sink.Dropped, 10_000 - 101, 10_000 - 100);
        Assert.False(sink.Connected);
    }

    [Fact]
    public async Task Emit_ManyMessages_AllArriveInOrder()
    {
        using var listener = Listen();
        using var sink = NewSink();

        for (var i = 0; i < 500; i++)
        {
            sink.Emit(LogEvents.Create(LogEventLevel.Information, "n={N}", ("N", i)));
        }

        for (var i = 0; i < 500; i++)
        {
            Assert.EndsWith($"n={i}", await ReceiveAsync(listener), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dispose_Twice_SecondIsANoOp()
    {
        var sink = NewSink();

        sink.Dispose();
        sink.Dispose();

        Assert.False(sink.Connected);
    }

    private UnixSyslogSink NewSink() => new(SocketPath, new Rfc5424Formatter("node1", "hostagent", 1));

    private Socket Listen()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(SocketPath));
        return socket;
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[70_000];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
