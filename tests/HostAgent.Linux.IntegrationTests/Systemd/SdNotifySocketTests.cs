using System.Net.Sockets;
using System.Text;
using HostAgent.Linux.Systemd;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Systemd;

public sealed class SdNotifySocketTests
{
    [Fact]
    public void Notify_PathSocket_DeliversOneDatagram()
    {
        var directory = Directory.CreateTempSubdirectory("hostagent-notify-");
        try
        {
            var path = Path.Combine(directory.FullName, "notify");
            using var listener = Listen(path);
            using var notifier = new SdNotifySocket(path, null);

            Assert.True(notifier.Notify("READY=1\nSTATUS=1/1 in sync"));

            Assert.Equal("READY=1\nSTATUS=1/1 in sync", Receive(listener));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Notify_AbstractAddress_DeliversOneDatagram()
    {
        var name = $"hostagent-test-{Guid.NewGuid():N}";
        using var listener = Listen("\0" + name);
        using var notifier = new SdNotifySocket("@" + name, null);

        Assert.True(notifier.Notify("WATCHDOG=1"));

        Assert.Equal("WATCHDOG=1", Receive(listener));
    }

    [Fact]
    public void Notify_NobodyListening_ReturnsFalse()
    {
        using var notifier = new SdNotifySocket("@" + $"hostagent-absent-{Guid.NewGuid():N}", null);

        Assert.False(notifier.Notify("READY=1"));
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("4000000", "4242", 4.0)]
    [InlineData("4000000", "1", null)]
    [InlineData("0", null, null)]
    [InlineData("abc", null, null)]
    [InlineData(null, null, null)]
    public void ParseWatchdog_Variables_TimeoutOnlyWhenMeantForThisProcess(string? usec, string? pid, double? seconds)
    {
        var timeout = SdNotifySocket.ParseWatchdog(usec, pid, processId: 4242);

        Assert.Equal(seconds, timeout?.TotalSeconds);
    }

    private static Socket Listen(string address)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(address));
        socket.ReceiveTimeout = 5000;
        return socket;
    }

    private static string Receive(Socket socket)
    {
        var buffer = new byte[4096];
        var length = socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
