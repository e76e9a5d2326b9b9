using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderNetworkTests
{
    private const string Required = "required: the node's pod subnet, e.g. 10.216.0.0/24";

    [Theory]
    [InlineData("10.216.0.0/24", "10.216.0.1")]
    [InlineData("10.216.0.0/30", "10.216.0.1")]
    [InlineData("0.0.0.0/0", "0.0.0.1")]
    [InlineData("192.168.128.0/17", "192.168.128.1")]
    public void Parse_ValidPodCidr_GatewayDefaultsToFirstHost(string cidr, string gateway)
    {
        var network = AssertValid(ConfigLoader.Parse($"{{\"network\": {{\"podCidr\": \"{cidr}\"}}}}")).Network;

        Assert.Equal(cidr, network.PodCidr.ToString());
        Assert.Equal(gateway, Ipv4.ToString(network.Gateway));
    }

    [Theory]
    [InlineData("\"10.216.0.5/24\"", "host bits must be zero (did you mean 10.216.0.0/24?)")]
    [InlineData("\"10.216.0.0\"", "must be an IPv4 CIDR with a prefix length, such as 10.216.0.0/24")]
    [InlineData("\"10.216.0.0/33\"", "prefix length must be a number from 0 to 32")]
    [InlineData("\"10.216.0.0/\"", "prefix length must be a number from 0 to 32")]
    [InlineData("\"pods/24\"", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("\"010.216.0.0/24\"", "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)")]
    [InlineData("\"\"", "must be an IPv4 CIDR such as 10.216.0.0/24")]
    [InlineData("\"10.216.0.0/31\"", "prefix length must be at most 30 (a /31 or /32 leaves no room for the gateway and pods)")]
    [InlineData("\"10.216.0.1/32\"", "prefix length must be at most 30 (a /31 or /32 leaves no room for the gateway and pods)")]
    [InlineData("24", "must be a string")]
    [InlineData("null", "must be a string")]
    public void Parse_BadPodCidr_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse($"{{\"network\": {{\"podCidr\": {json}}}}}"), "network.podCidr", json, rule);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"agent": {}}""")]
    [InlineData("""{"network": {}}""")]
    [InlineData("""{"network": {"mtu": 1500}}""")]
    public void Parse_PodCidrMissing_ReportsRequired(string json)
    {
        AssertError(ConfigLoader.Parse(json), "network.podCidr", null, Required);
    }

    [Fact]
    public void Parse_NetworkNotObject_ReportsOnlyThat()
    {
        AssertError(ConfigLoader.Parse("""{"network": "10.216.0.0/24"}"""), "network", "\"10.216.0.0/24\"", "must be an object");
    }

    [Theory]
    [InlineData("10.216.0.1")]
    [InlineData("10.216.0.254")]
    [InlineData("10.216.0.77")]
    public void Parse_GatewayInsideCidr_IsUsed(string gateway)
    {
        var network = AssertValid(ConfigLoader.Parse(Network($"\"gateway\": \"{gateway}\""))).Network;

        Assert.Equal(gateway, Ipv4.ToString(network.Gateway));
    }

    [Theory]
    [InlineData("\"10.216.1.1\"", "must be inside podCidr 10.216.0.0/24")]
    [InlineData("\"10.216.0.0\"", "must not be the network address of podCidr 10.216.0.0/24")]
    [InlineData("\"10.216.0.255\"", "must not be the broadcast address of podCidr 10.216.0.0/24")]
    [InlineData("\"10.216.0.01\"", "must be an IPv4 address such as 10.216.0.1")]
    [InlineData("\"10.216.0\"", "must be an IPv4 address such as 10.216.0.1")]
    [InlineData("\"10.216.0.1/24\"", "must be an IPv4 address such as 10.216.0.1")]
    [InlineData("\"\"", "must be an IPv4 address such as 10.216.0.1")]
    [InlineData("167247873", "must be a string")]
    public void Parse_BadGateway_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Network($"\"gateway\": {json}")), "network.gateway", json, rule);
    }

    [Fact]
    public void Parse_GatewayWithBadPodCidr_ReportsOnlyTheCidr()
    {
        var result = ConfigLoader.Parse("""{"network": {"podCidr": "10.216.0.1/24", "gateway": "192.168.0.1"}}""");

        AssertError(result, "network.podCidr", "\"10.216.0.1/24\"", "host bits must be zero (did you mean 10.216.0.0/24?)");
    }

    [Theory]
    [InlineData("cbr0")]
    [InlineData("br-pods")]
    [InlineData("br_0.100")]
    [InlineData("a")]
    [InlineData("abcdefghijklmno")]
    public void Parse_ValidBridge_IsUsed(string bridge)
    {
        Assert.Equal(bridge, AssertValid(ConfigLoader.Parse(Network($"\"bridge\": \"{bridge}\""))).Network.Bridge);
    }

    [Theory]
    [InlineData("\"\"", "must be 1 to 15 characters (the Linux interface name limit)")]
    [InlineData("\"abcdefghijklmnop\"", "must be 1 to 15 characters (the Linux interface name limit)")]
    [InlineData("\"br 0\"", "may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("\"br/0\"", "may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("\"br:0\"", "may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("\"brü\"", "may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("\".\"", "must not be \".\" or \"..\"")]
    [InlineData("\"..\"", "must not be \".\" or \"..\"")]
    [InlineData("false", "must be a string")]
    public void Parse_BadBridge_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Network($"\"bridge\": {json}")), "network.bridge", json, rule);
    }

    [Theory]
    [InlineData("68", 68)]
    [InlineData("1500", 1500)]
    [InlineData("9000", 9000)]
    [InlineData("65535", 65535)]
    public void Parse_ValidMtu_IsUsed(string json, int expected)
    {
        Assert.Equal(expected, AssertValid(ConfigLoader.Parse(Network($"\"mtu\": {json}"))).Network.Mtu);
    }

    [Theory]
    [InlineData("67", "must be from 68 to 65535")]
    [InlineData("65536", "must be from 68 to 65535")]
    [InlineData("0", "must be from 68 to 65535")]
    [InlineData("-1500", "must be from 68 to 65535")]
    [InlineData("99999999999999999999", "must be from 68 to 65535")]
    [InlineData("1500.5", "must be an integer")]
    [InlineData("1500.0", "must be an integer")]
    [InlineData("1.5e3", "must be an integer")]
    [InlineData("\"1500\"", "must be an integer")]
    [InlineData("true", "must be an integer")]
    public void Parse_BadMtu_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Network($"\"mtu\": {json}")), "network.mtu", json, rule);
    }

    [Theory]
    [InlineData("observeOnly")]
    [InlineData("removeStrayAddresses")]
    public void Parse_NetworkSwitchTrue_IsUsed(string key)
    {
        var network = AssertValid(ConfigLoader.Parse(Network($"\"{key}\": true"))).Network;

        Assert.True(key == "observeOnly" ? network.ObserveOnly : network.RemoveStrayAddresses);
    }

    [Theory]
    [InlineData("observeOnly", "\"yes\"")]
    [InlineData("removeStrayAddresses", "0")]
    public void Parse_NetworkSwitchNotBoolean_ReportsType(string key, string json)
    {
        AssertError(ConfigLoader.Parse(Network($"\"{key}\": {json}")), $"network.{key}", json, "must be a boolean");
    }
}
