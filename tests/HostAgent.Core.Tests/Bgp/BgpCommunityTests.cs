using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class BgpCommunityTests
{
    [Theory]
    [InlineData("65101:100", 0xFE4D0064u)]
    [InlineData("0:0", 0u)]
    [InlineData("65535:65535", 0xFFFFFFFFu)]
    [InlineData("no-export", 0xFFFFFF01u)]
    [InlineData("graceful-shutdown", 0xFFFF0000u)]
    [InlineData("local-AS", 0xFFFFFF03u)]
    public void TryParse_Valid_Value(string text, uint value)
    {
        Assert.True(BgpCommunity.TryParse(text, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("65536:1")]
    [InlineData("1:65536")]
    [InlineData("01:1")]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData("1")]
    [InlineData("1:1:1")]
    [InlineData("NO-EXPORT")]
    [InlineData("-1:5")]
    public void TryParse_Invalid_False(string text) => Assert.False(BgpCommunity.TryParse(text, out _));

    [Theory]
    [InlineData(0xFFFF0000u, "graceful-shutdown", "65535:0")]
    [InlineData(0xFFFF029Au, "blackhole", "65535:666")]
    [InlineData(0xFFFFFF01u, "no-export", "no-export")]
    [InlineData(0xFE4D0064u, "65101:100", "65101:100")]
    public void Format_Flavor_AsTheDaemonPrintsIt(uint value, string frr, string quagga)
    {
        Assert.Equal(frr, BgpCommunity.Format(value, BgpFlavor.Frr));
        Assert.Equal(quagga, BgpCommunity.Format(value, BgpFlavor.Quagga));
    }
}
