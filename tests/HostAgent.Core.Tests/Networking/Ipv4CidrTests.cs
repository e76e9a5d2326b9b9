using System.Net;
using HostAgent.Core.Networking;
using Xunit;

namespace HostAgent.Core.Tests.Networking;

public class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.216.0.0/24", "10.216.0.0", 24)]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
    [InlineData("10.1.2.3/32", "10.1.2.3", 32)]
    [InlineData("255.255.255.255/32", "255.255.255.255", 32)]
    [InlineData("172.16.0.0/12", "172.16.0.0", 12)]
    [InlineData("10.0.0.0/8", "10.0.0.0", 8)]
    public void TryParse_Valid_ReturnsNetworkAndLength(string text, string network, int length)
    {
        Assert.True(Ipv4Cidr.TryParse(text, out var cidr, out var error));

        Assert.Null(error);
        Assert.Equal(network, Ipv4.ToString(cidr.Value.Network));
        Assert.Equal(length, cidr.Value.PrefixLength);
        Assert.Equal(text, cidr.Value.ToString());
    }

    [Theory]
    [InlineData("10.216.0.1/24", "host bits must be zero (did you mean 10.216.0.0/24?)")]
    [InlineData("1.0.0.0/0", "host bits must be zero (did you mean 0.0.0.0/0?)")]
    [InlineData("10.216.0.5/30", "host bits must be zero (did you mean 10.216.0.4/30?)")]
    [InlineData("10.1.0.0/8", "host bits must be zero (did you mean 10.0.0.0/8?)")]
    public void TryParse_HostBitsSet_SuggestsNetwork(string text, string expected)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out var cidr, out var error));

        Assert.Null(cidr);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(null, "must be an IPv4 CIDR such as 10.216.0.0/24")]
    [InlineData("", "must be an IPv4 CIDR such as 10.216.0.0/24")]
    [InlineData(" ", "must be an IPv4 CIDR such as 10.216.0.0/24")]
    [InlineData("10.216.0.0", "must be an IPv4 CIDR with a prefix length, such as 10.216.0.0/24")]
    [InlineData("010.216.0.0/24", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("10.216.00.0/24", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("256.0.0.0/8", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("10.216.0/24", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("::/0", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData(" 10.216.0.0/24", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("10.216.0.0/33", "prefix length must be a number from 0 to 32")]
    [InlineData("10.216.0.0/", "prefix length must be a number from 0 to 32")]
    [InlineData("10.216.0.0/-1", "prefix length must be a number from 0 to 32")]
    [InlineData("10.216.0.0/024", "prefix length must be a number from 0 to 32")]
    [InlineData("10.216.0.0/24 ", "prefix length must be a number from 0 to 32")]
    [InlineData("10.216.0.0/255.255.255.0", "prefix length must be a number from 0 to 32")]
    public void TryParse_Malformed_ReportsRule(string? text, string expected)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out var cidr, out var error));

        Assert.Null(cidr);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("10.216.0.1", 0x0AD80001u)]
    [InlineData("192.168.100.7", 0xC0A86407u)]
    public void Ipv4TryParse_DottedQuad_ReturnsHostOrder(string text, uint expected)
    {
        Assert.True(Ipv4.TryParse(text, out var address));

        Assert.Equal(expected, address);
        Assert.Equal(text, Ipv4.ToString(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.256")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.04")]
    [InlineData("01.2.3.4")]
    [InlineData("1..3.4")]
    [InlineData("1.2.3.")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("0x1.2.3.4")]
    [InlineData("1.2.3.1000")]
    [InlineData("16909060")]
    [InlineData("::1")]
    public void Ipv4TryParse_NotStrictDottedQuad_Fails(string? text)
    {
        Assert.False(Ipv4.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10.216.0.0/24", "10.216.0.0", true)]
    [InlineData("10.216.0.0/24", "10.216.0.255", true)]
    [InlineData("10.216.0.0/24", "10.216.0.77", true)]
    [InlineData("10.216.0.0/24", "10.216.1.0", false)]
    [InlineData("10.216.0.0/24", "10.215.255.255", false)]
    [InlineData("0.0.0.0/0", "255.255.255.255", true)]
    [InlineData("0.0.0.0/0", "0.0.0.0", true)]
    [InlineData("10.1.2.3/32", "10.1.2.3", true)]
    [InlineData("10.1.2.3/32", "10.1.2.4", false)]
    [InlineData("10.1.2.2/31", "10.1.2.3", true)]
    public void Contains_Address_MatchesPrefix(string cidr, string address, bool expected)
    {
        var network = Ipv4Cidr.Parse(cidr);

        Assert.Equal(expected, network.Contains(Ipv4.TryParse(address, out var value) ? value : throw new FormatException(address)));
        Assert.Equal(expected, network.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Contains_Ipv6Address_IsFalse()
    {
        Assert.False(Ipv4Cidr.Parse("0.0.0.0/0").Contains(IPAddress.IPv6Loopback));
    }

    [Theory]
    [InlineData("10.216.0.0/24", "10.216.0.1", "10.216.0.255")]
    [InlineData("10.216.0.4/30", "10.216.0.5", "10.216.0.7")]
    [InlineData("10.216.0.4/31", "10.216.0.4", "10.216.0.5")]
    [InlineData("10.216.0.4/32", "10.216.0.4", "10.216.0.4")]
    [InlineData("0.0.0.0/0", "0.0.0.1", "255.255.255.255")]
    [InlineData("172.16.0.0/12", "172.16.0.1", "172.31.255.255")]
    public void FirstHostAndBroadcast_ForPrefix_AreEdgesOfRange(string cidr, string firstHost, string broadcast)
    {
        var network = Ipv4Cidr.Parse(cidr);

        Assert.Equal(firstHost, Ipv4.ToString(network.FirstHost));
        Assert.Equal(broadcast, Ipv4.ToString(network.Broadcast));
    }

    [Theory]
    [InlineData(0, 0u)]
    [InlineData(1, 0x80000000u)]
    [InlineData(24, 0xFFFFFF00u)]
    [InlineData(32, 0xFFFFFFFFu)]
    public void Mask_PrefixLength_HasLeadingOnes(int length, uint expected)
    {
        Assert.Equal(expected, Ipv4Cidr.Mask(length));
    }

    [Fact]
    public void Constructor_HostBitsSet_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Ipv4Cidr(0x0AD80001, 24));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    public void Constructor_LengthOutOfRange_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ipv4Cidr(0, length));
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionWithRule()
    {
        var ex = Assert.Throws<FormatException>(() => Ipv4Cidr.Parse("10.216.0.1/24"));

        Assert.Equal("10.216.0.1/24: host bits must be zero (did you mean 10.216.0.0/24?)", ex.Message);
    }

    [Fact]
    public void ToAddressAndToUInt32_RoundTrip()
    {
        var address = Ipv4.ToAddress(0x0AD80001);

        Assert.Equal(IPAddress.Parse("10.216.0.1"), address);
        Assert.Equal(0x0AD80001u, Ipv4.ToUInt32(address));
    }

    [Fact]
    public void ToUInt32_Ipv6_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ipv4.ToUInt32(IPAddress.IPv6Loopback));
    }
}
