using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Linux.Bgp;
using HostAgent.TestLab;
using HostAgent.TestLab.Bgp;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>
/// The vty socket protocol: framing against a socket the test serves itself (answers cut at every place),
/// then the real bgpd: reads, a change it takes, a change it refuses, and a daemon that is not there.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class VtyConnectionTests
{
    private const string Config = """
        router bgp 65101
         bgp router-id 192.168.77.2
         neighbor 192.168.77.1 remote-as 65000
        exit
        """;

    [Theory]
    [InlineData("", 0)]
    [InlineData("line one\nline two\n", 0)]
    [InlineData("% Unknown command: show nothing\n", 2)]
    public void TryParse_CompleteAnswer_OutputAndStatus(string output, byte status)
    {
        var answer = Encoding.UTF8.GetBytes(output).Concat(new byte[] { 0, 0, 0, status }).ToArray();

        Assert.True(VtyConnection.TryParse(answer, out var reply));
        Assert.Equal(output, reply.Output);
        Assert.Equal(status, reply.Status);
        Assert.Equal(status == 0, reply.Succeeded);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'a', 0, 0 })]
    [InlineData(new byte[] { (byte)'a', 0, 0, (byte)'b', 0 })]
    public void TryParse_AnswerNotFinished_False(byte[] answer)
    {
        Assert.False(VtyConnection.TryParse(answer, out _));
    }

    [Fact]
    public void Describe_OutputOrStatus_OneLine()
    {
        Assert.Equal("% Create the peer-group or interface first (status 13)", VtyConnection.Describe(new VtyReply(13, "% Create the peer-group or interface first\n")));
        Assert.Equal("a; b (status 1)", VtyConnection.Describe(new VtyReply(1, "a\n\n b \n")));
        Assert.Equal("status 4", VtyConnection.Describe(new VtyReply(4, "")));
    }

    [Fact]
    public async Task RunAsync_AnswerArrivesInPieces_ReadUntilTheTerminator()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "bgpd.vty");
        using var listener = Listen(path);
        var big = new string('x', 200_000) + "\n";
        var server = Task.Run(async () =>
        {
            using var peer = await AcceptEnabledAsync(listener);
            Assert.Equal("show running-config", await ReadCommandAsync(peer));
            // The output, then the terminator cut in two, each piece a send of its own.
            await peer.SendAsync(Encoding.UTF8.GetBytes(big));
            await Task.Delay(20);
            await peer.SendAsync(new byte[] { 0, 0 });
            await Task.Delay(20);
            await peer.SendAsync(new byte[] { 0, 0 });
            Assert.Equal("configure terminal", await ReadCommandAsync(peer));
            await peer.SendAsync(Encoding.UTF8.GetBytes("% refused\n").Concat(new byte[] { 0, 0, 0, 13 }).ToArray());
        });

        using var vty = await VtyConnection.ConnectAsync(path, CancellationToken.None);
        var show = await vty.RunAsync("show running-config", CancellationToken.None);
        var refused = await vty.RunAsync("configure terminal", CancellationToken.None);
        await server;

        Assert.Equal(new VtyReply(0, big), show);
        Assert.Equal(new VtyReply(13, "% refused\n"), refused);
    }

    [Fact]
    public async Task RunAsync_DaemonHangsUp_BgpDaemonExceptionNamingTheCommand()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "bgpd.vty");
        using var listener = Listen(path);
        var server = Task.Run(async () =>
        {
            using var peer = await AcceptEnabledAsync(listener);
            await ReadCommandAsync(peer);
            await peer.SendAsync(Encoding.UTF8.GetBytes("half an answer"));
        });

        using var vty = await VtyConnection.ConnectAsync(path, CancellationToken.None);
        var error = await Assert.ThrowsAsync<BgpDaemonException>(() => vty.RunAsync("show bgp summary json", CancellationToken.None));
        await server;

        Assert.Contains("closed the connection during \"show bgp summary json\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_BgpDaemonExceptionNamingThePath()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "bgpd.vty");

        var error = await Assert.ThrowsAsync<BgpDaemonException>(() => VtyConnection.ConnectAsync(path, CancellationToken.None));

        Assert.Contains("cannot connect to " + path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommandWithNewline_RejectedBeforeSending()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "bgpd.vty");
        using var listener = Listen(path);
        var server = Task.Run(async () =>
        {
            using var peer = await AcceptEnabledAsync(listener);
        });
        using var vty = await VtyConnection.ConnectAsync(path, CancellationToken.None);
        await server;

        await Assert.ThrowsAsync<ArgumentException>(() => vty.RunAsync("neighbor 1.2.3.4 description x\nrouter bgp 1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task RealBgpd_ShowConfigureRefuse_AnswersAsVtyshSeesThem()
    {
        Lab.RequireRoot();
        Skip.IfNot(FrrInstance.Installed, "FRR is not installed (./build.sh deps installs it)");
        using var netns = new TestNetns();
        using var frr = new FrrInstance(netns, "vty");
        frr.StartZebra();
        frr.StartBgpdWith(Config);
        var tooling = new BgpTooling(BgpFlavor.Frr, FrrInstance.VtyshPath, "", "", FrrInstance.Bgpd, frr.ConfigPath, frr.BgpdPidFile, "");
        var daemon = new VtyBgpDaemon(TimeProvider.System);

        var shown = await daemon.ShowAsync(tooling, [BgpShowCommands.RunningConfig, "show bgp ipv4 unicast summary json"], CancellationToken.None);
        var taken = await daemon.ConfigureAsync(tooling, ["router bgp 65101", "neighbor 192.168.77.1 description tor"], [], CancellationToken.None);
        var refused = await daemon.ConfigureAsync(tooling, ["router bgp 65101", "neighbor 192.168.77.9 description nobody", "neighbor 192.168.77.1 description never"], [], CancellationToken.None);

        Assert.Equal(Path.Combine(frr.Directory, "bgpd.vty"), tooling.BgpdVtySocket);
        Assert.Contains("neighbor 192.168.77.1 remote-as 65000", shown[0], StringComparison.Ordinal);
        Assert.Contains("\"192.168.77.1\"", shown[1], StringComparison.Ordinal);
        Assert.True(taken.Succeeded, taken.Message);
        Assert.False(refused.Succeeded);
        Assert.Contains("neighbor 192.168.77.9 description nobody", refused.Message, StringComparison.Ordinal);
        // What vtysh reads back: the accepted change is in, nothing after the refused line was sent.
        var running = frr.RunningConfig();
        Assert.Contains("neighbor 192.168.77.1 description tor", running, StringComparison.Ordinal);
        Assert.DoesNotContain("never", running, StringComparison.Ordinal);
        Assert.DoesNotContain("192.168.77.9", running, StringComparison.Ordinal);
        // The refused connection left config mode: the next change takes.
        Assert.True((await daemon.ConfigureAsync(tooling, ["router bgp 65101", "no neighbor 192.168.77.1 description tor"], [], CancellationToken.None)).Succeeded);
    }

    [SkippableFact]
    public async Task RealBgpd_Stopped_ShowThrowsBgpDaemonException()
    {
        Lab.RequireRoot();
        Skip.IfNot(FrrInstance.Installed, "FRR is not installed (./build.sh deps installs it)");
        using var netns = new TestNetns();
        using var frr = new FrrInstance(netns, "vty-gone");
        var tooling = new BgpTooling(BgpFlavor.Frr, FrrInstance.VtyshPath, frr.Directory, "", FrrInstance.Bgpd, frr.ConfigPath, frr.BgpdPidFile, "");
        var daemon = new VtyBgpDaemon(TimeProvider.System);

        var error = await Assert.ThrowsAsync<BgpDaemonException>(() => daemon.ShowAsync(tooling, [BgpShowCommands.RunningConfig], CancellationToken.None));

        Assert.Contains(Path.Combine(frr.Directory, "bgpd.vty"), error.Message, StringComparison.Ordinal);
    }

    private static Socket Listen(string path)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        return listener;
    }

    /// <summary>Accepts the connection and answers its "enable" as a daemon does.</summary>
    private static async Task<Socket> AcceptEnabledAsync(Socket listener)
    {
        var peer = await listener.AcceptAsync();
        Assert.Equal("enable", await ReadCommandAsync(peer));
        await peer.SendAsync(new byte[] { 0, 0, 0, 0 });
        return peer;
    }

    private static async Task<string> ReadCommandAsync(Socket peer)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await peer.ReceiveAsync(one) == 1 && one[0] != 0)
        {
            bytes.Add(one[0]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
