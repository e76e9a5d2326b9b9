using HostAgent.Core.Configuration;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderSysctlTests
{
    private const string NetOnlyRule = "name must start with \"net.\": this agent only enforces network sysctls";
    private const string EmptyPartRule = "name must be dot-separated parts with no empty part, such as net.ipv4.ip_forward";
    private const string CharactersRule = "name may contain only letters, digits, '_', '-', '/' and '.'";
    private const string SlashPartRule = "name part must not be only '/' (a '/' stands for a '.' inside an interface name)";

    private static IReadOnlyList<KeyValuePair<string, string>> Sysctls(string members) =>
        AssertValid(ConfigLoader.Parse(Network($"\"sysctls\": {{{members}}}"))).Network.Sysctls;

    [Fact]
    public void Parse_SysctlsAbsent_UsesDefaultList()
    {
        Assert.Equal(NetworkSettings.DefaultSysctls, AssertValid(ConfigLoader.Parse(Minimal)).Network.Sysctls);
    }

    [Fact]
    public void Parse_SysctlsEmpty_EnforcesNothing()
    {
        Assert.Empty(Sysctls(""));
    }

    [Fact]
    public void Parse_SysctlsGiven_ReplacesDefaultList()
    {
        Assert.Equal([new("net.ipv4.conf.all.rp_filter", "2")], Sysctls("\"net.ipv4.conf.all.rp_filter\": \"2\""));
    }

    [Fact]
    public void Parse_Sysctls_AreSortedByName()
    {
        var sysctls = Sysctls("\"net.ipv6.conf.all.forwarding\": \"1\", \"net.core.somaxconn\": \"4096\", \"net.ipv4.ip_forward\": \"1\"");

        Assert.Equal(["net.core.somaxconn", "net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding"], sysctls.Select(static s => s.Key));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("0", "0")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("\"4096 87380 6291456\"", "4096 87380 6291456")]
    [InlineData("\"reno\"", "reno")]
    public void Parse_SysctlValue_IsStoredAsString(string json, string expected)
    {
        Assert.Equal(expected, Assert.Single(Sysctls($"\"net.ipv4.tcp_x\": {json}")).Value);
    }

    [Theory]
    [InlineData("net.ipv4.ip_forward")]
    [InlineData("net.ipv4.conf.eth0/100.rp_filter")]
    [InlineData("net.ipv4.conf.br-pods.forwarding")]
    [InlineData("net.ipv6.conf.all.disable_ipv6")]
    [InlineData("net.core.somaxconn")]
    [InlineData("net.netfilter.nf_conntrack_max")]
    public void Parse_ValidSysctlName_IsUsed(string name)
    {
        Assert.Equal(name, Assert.Single(Sysctls($"\"{name}\": \"1\"")).Key);
    }

    [Theory]
    [InlineData("kernel.panic", NetOnlyRule)]
    [InlineData("Net.ipv4.ip_forward", NetOnlyRule)]
    [InlineData("net", NetOnlyRule)]
    [InlineData("vm.swappiness", NetOnlyRule)]
    [InlineData("net/ipv4/ip_forward", NetOnlyRule)]
    [InlineData("net..ipv4", EmptyPartRule)]
    [InlineData(".net.ipv4", EmptyPartRule)]
    [InlineData("net.ipv4.", EmptyPartRule)]
    [InlineData("", EmptyPartRule)]
    [InlineData("net.ipv4.conf./.rp_filter", SlashPartRule)]
    [InlineData("net.//.x", SlashPartRule)]
    [InlineData("net.ipv4 .ip_forward", CharactersRule)]
    [InlineData("net.ipv4.conf.eth0:1.rp_filter", CharactersRule)]
    [InlineData("net.ipv4.ip_forward*", CharactersRule)]
    public void Parse_BadSysctlName_ReportsNameRule(string name, string rule)
    {
        var quoted = $"\"{name}\"";

        AssertError(ConfigLoader.Parse(Network($"\"sysctls\": {{{quoted}: \"1\"}}")), $"network.sysctls[{quoted}]", quoted, rule);
    }

    [Theory]
    [InlineData("\"\"", "must not be empty")]
    [InlineData("\"1\\n\"", "must not contain control characters")]
    [InlineData("\"a\\tb\"", "must not contain control characters")]
    [InlineData("true", "must be a string or an integer")]
    [InlineData("1.5", "must be a string or an integer")]
    [InlineData("null", "must be a string or an integer")]
    [InlineData("[1]", "must be a string or an integer")]
    public void Parse_BadSysctlValue_ReportsRule(string json, string rule)
    {
        var result = ConfigLoader.Parse(Network($"\"sysctls\": {{\"net.ipv4.ip_forward\": {json}}}"));

        AssertError(result, "network.sysctls[\"net.ipv4.ip_forward\"]", json, rule);
    }

    [Fact]
    public void Parse_SysctlValueOf256Characters_IsValid()
    {
        var value = new string('x', 256);

        Assert.Equal(value, Assert.Single(Sysctls($"\"net.x\": \"{value}\"")).Value);
    }

    [Fact]
    public void Parse_SysctlValueOver256Characters_ReportsLimit()
    {
        var json = $"\"{new string('x', 257)}\"";

        AssertError(ConfigLoader.Parse(Network($"\"sysctls\": {{\"net.x\": {json}}}")), "network.sysctls[\"net.x\"]", json, "must be at most 256 characters");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"net.ipv4.ip_forward=1\"")]
    [InlineData("null")]
    public void Parse_SysctlsNotObject_ReportsType(string json)
    {
        AssertError(ConfigLoader.Parse(Network($"\"sysctls\": {json}")), "network.sysctls", json, "must be an object mapping sysctl names to values");
    }

    [Fact]
    public void Parse_DuplicateSysctl_ReportsDuplicate()
    {
        var result = ConfigLoader.Parse(Network("\"sysctls\": {\"net.ipv4.ip_forward\": \"1\", \"net.ipv4.ip_forward\": \"0\"}"));

        AssertError(result, "network.sysctls[\"net.ipv4.ip_forward\"]", "\"0\"", "duplicate key");
    }

    [Fact]
    public void Parse_SeveralBadSysctls_ReportsEach()
    {
        var result = ConfigLoader.Parse(Network("\"sysctls\": {\"kernel.panic\": \"1\", \"net.ok\": \"1\", \"net.bad\": \"\"}"));

        AssertErrors(
            result,
            new ConfigError("network.sysctls[\"kernel.panic\"]", "\"kernel.panic\"", NetOnlyRule),
            new ConfigError("network.sysctls[\"net.bad\"]", "\"\"", "must not be empty"));
    }
}
