using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

/// <summary>Captured daemon output: FRR 8.4 (testdata/show/frr-*.txt, one vtysh -E call each) and Quagga 0.99's text layout.</summary>
public class BgpShowParserTests
{
    private static readonly Ipv4Cidr Pods = Ipv4Cidr.Parse("10.216.0.0/24");
    private static readonly Ipv4Cidr Other = Ipv4Cidr.Parse("10.218.0.0/24");

    [Fact]
    public void Read_FrrJsonObservation_SessionsRoutesAndAdvertised()
    {
        var commands = new BgpShowCommands(BgpFlavor.Frr, [Pods, Other], ["192.168.77.1", "192.168.77.9", "192.168.77.44"]);

        var result = commands.Read(VtyshEcho.Split(BgpTestData.Read("show", "frr-observe.txt"), commands.All));

        Assert.Contains("router bgp 65101", result.RunningConfig, StringComparison.Ordinal);
        var tor = result.Sessions.Single(s => s.Neighbor == "192.168.77.1");
        Assert.True(tor.Established);
        Assert.Equal(65000u, tor.RemoteAsn);
        Assert.Equal(0, tor.PrefixesReceived);
        Assert.Equal(2, tor.PrefixesSent);
        Assert.Equal(1, tor.ConnectionsEstablished);
        Assert.Equal("tor one #!?\"x", tor.Description);
        Assert.NotNull(tor.Uptime);
        var down = result.Sessions.Single(s => s.Neighbor == "192.168.77.9");
        Assert.Equal("Active", down.State);
        Assert.Null(down.Uptime);
        Assert.Equal([Pods], result.LocalRoutes);
        Assert.Equal([Pods, Ipv4Cidr.Parse("10.217.0.0/24")], result.Advertised["192.168.77.1"]);
        Assert.Empty(result.Advertised["192.168.77.9"]);
        Assert.Empty(result.Advertised["192.168.77.44"]);
    }

    [Fact]
    public void Read_FrrTextObservation_SameAnswersAsQuaggaWould()
    {
        var commands = new BgpShowCommands(BgpFlavor.Quagga, [Pods, Other], ["192.168.77.1", "192.168.77.9"]);

        var result = commands.Read(VtyshEcho.Split(BgpTestData.Read("show", "frr-text-observe.txt"), commands.All));

        var tor = result.Sessions.Single(s => s.Neighbor == "192.168.77.1");
        Assert.True(tor.Established);
        Assert.Equal(2, tor.PrefixesSent);
        Assert.Equal("tor one #!?\"x", tor.Description);
        Assert.Equal("Active", result.Sessions.Single(s => s.Neighbor == "192.168.77.9").State);
        Assert.Equal([Pods], result.LocalRoutes);
        Assert.Equal(2, result.Advertised["192.168.77.1"].Count);
        Assert.Empty(result.Advertised["192.168.77.9"]);
    }

    [Fact]
    public void ParseSummaryText_Quagga_StatesUptimesAndTwoWordStates()
    {
        var sessions = BgpShowParser.ParseSummaryText(BgpTestData.Read("show", "quagga-summary.txt"));

        Assert.Equal(4, sessions.Count);
        Assert.Equal(new BgpSession("192.168.77.1", 65000, "Established", new TimeSpan(1, 2, 3), 2, null, null, null), sessions[0]);
        Assert.Equal("Active", sessions[1].State);
        Assert.Null(sessions[1].Uptime);
        Assert.Equal("Idle (Admin)", sessions[2].State);
        Assert.Equal(4200000001u, sessions[2].RemoteAsn);
        Assert.Equal(TimeSpan.FromDays(1) + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(3), sessions[2].Uptime);
        Assert.Equal(TimeSpan.FromDays(17) + TimeSpan.FromHours(4), sessions[3].Uptime);
        Assert.True(sessions[3].Established);
    }

    [Fact]
    public void ParseAdvertisedText_Quagga_ClassfulAndInternalLines()
    {
        var routes = BgpShowParser.ParseAdvertisedText(BgpTestData.Read("show", "quagga-advertised.txt"));

        Assert.Equal([Pods, Ipv4Cidr.Parse("10.0.0.0/8"), Ipv4Cidr.Parse("172.16.0.0/12")], routes);
    }

    [Fact]
    public void IsLocalRouteText_QuaggaSourcedValid_True()
    {
        Assert.True(BgpShowParser.IsLocalRouteText(BgpTestData.Read("show", "quagga-route.txt")));
        Assert.False(BgpShowParser.IsLocalRouteText("% Network not in table"));
    }

    [Theory]
    [InlineData("{}", false)]
    [InlineData("", false)]
    [InlineData("""{"paths":[{"valid":true,"sourced":true}]}""", true)]
    [InlineData("""{"paths":[{"valid":false,"sourced":true}]}""", false)]
    [InlineData("""{"paths":[{"valid":true,"peer":{"peerId":"192.168.77.1"}}]}""", false)]
    public void IsLocalRouteJson_Paths_OnlyValidOwnRoutes(string json, bool expected) =>
        Assert.Equal(expected, BgpShowParser.IsLocalRouteJson(json));

    [Fact]
    public void ParseSummaryJson_Garbage_FormatExceptionNamingTheOutput()
    {
        var error = Assert.Throws<FormatException>(() => BgpShowParser.ParseSummaryJson("% Unknown command: show bgp"));

        Assert.Contains("summary", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSummaryJson_NoPeers_Empty() => Assert.Empty(BgpShowParser.ParseSummaryJson("{\"routerId\":\"1.2.3.4\"}"));

    [Theory]
    [InlineData("never", null)]
    [InlineData("00:00:09", 9)]
    [InlineData("23:59:59", 86399)]
    [InlineData("1d02h03m", 93780)]
    [InlineData("01w2d03h", 788400)]
    public void ParseUptime_DaemonFormats_Seconds(string text, int? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), BgpShowParser.ParseUptime(text));

    [Theory]
    [InlineData("1x")]
    [InlineData("d")]
    [InlineData("12")]
    public void ParseUptime_Garbage_Throws(string text) => Assert.Throws<FormatException>(() => BgpShowParser.ParseUptime(text));

    [Fact]
    public void Read_VtyshStoppedEarly_DaemonExceptionNamingTheCommand()
    {
        var commands = new BgpShowCommands(BgpFlavor.Frr, [Pods], []);
        var output = "node# show running-config\nrouter bgp 65101\n";

        var error = Assert.Throws<BgpDaemonException>(() => commands.Read(VtyshEcho.Split(output, commands.All)));

        Assert.Contains(commands.Summary, error.Message, StringComparison.Ordinal);
    }
}
