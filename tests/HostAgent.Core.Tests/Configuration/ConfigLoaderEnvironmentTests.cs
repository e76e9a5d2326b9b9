using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderEnvironmentTests
{
    [Fact]
    public void Parse_IntegerVariable_OverridesFile()
    {
        var result = ConfigLoader.Parse(Network("\"mtu\": 1500"), Environment(("HOSTAGENT__NETWORK__MTU", "9000")));

        Assert.Equal(9000, AssertValid(result).Network.Mtu);
    }

    [Fact]
    public void Parse_DurationVariable_OverridesDefault()
    {
        var result = ConfigLoader.Parse(Minimal, Environment(("HOSTAGENT__AGENT__RESYNCINTERVAL", "5s")));

        Assert.Equal(TimeSpan.FromSeconds(5), AssertValid(result).Agent.ResyncInterval);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void Parse_BooleanVariable_IsConverted(string text, bool expected)
    {
        var result = ConfigLoader.Parse(Agent("\"observeOnly\": false"), Environment(("HOSTAGENT__AGENT__OBSERVEONLY", text)));

        Assert.Equal(expected, AssertValid(result).Agent.ObserveOnly);
    }

    [Fact]
    public void Parse_SectionAndKeyInAnyCase_AreMatched()
    {
        var env = Environment(("HOSTAGENT__Network__removeStrayAddresses", "true"), ("HOSTAGENT__agent__LogLevel", "warning"));

        var config = AssertValid(ConfigLoader.Parse(Minimal, env));

        Assert.True(config.Network.RemoveStrayAddresses);
        Assert.Equal("Warning", config.Agent.LogLevel);
    }

    [Fact]
    public void Parse_StringVariables_AreUsedAsWritten()
    {
        var env = Environment(
            ("HOSTAGENT__AGENT__GRPCSOCKET", "/run/ha/ha.sock"),
            ("HOSTAGENT__AGENT__GRPCSOCKETMODE", "0600"),
            ("HOSTAGENT__AGENT__METRICSLISTEN", ""),
            ("HOSTAGENT__NETWORK__BRIDGE", "br-pods"));

        var config = AssertValid(ConfigLoader.Parse(Minimal, env));

        Assert.Equal("/run/ha/ha.sock", config.Agent.GrpcSocket);
        Assert.Equal(0x180, config.Agent.GrpcSocketMode);
        Assert.Equal("", config.Agent.MetricsListen);
        Assert.Equal("br-pods", config.Network.Bridge);
    }

    [Fact]
    public void Parse_PodCidrOnlyInEnvironment_IsValid()
    {
        var config = AssertValid(ConfigLoader.Parse("{}", Environment(("HOSTAGENT__NETWORK__PODCIDR", "10.40.0.0/16"))));

        Assert.Equal("10.40.0.0/16", config.Network.PodCidr.ToString());
        Assert.Equal("10.40.0.1", Ipv4.ToString(config.Network.Gateway));
    }

    [Fact]
    public void Parse_SysctlVariable_AddsToDefaultList()
    {
        var env = Environment(("HOSTAGENT__NETWORK__SYSCTLS__net.ipv4.conf.all.rp_filter", "2"));

        var sysctls = AssertValid(ConfigLoader.Parse(Minimal, env)).Network.Sysctls;

        Assert.Equal([new("net.ipv4.conf.all.rp_filter", "2"), new("net.ipv4.ip_forward", "1")], sysctls);
    }

    [Fact]
    public void Parse_SysctlVariable_AddsToFileList()
    {
        var env = Environment(("HOSTAGENT__NETWORK__SYSCTLS__net.core.somaxconn", "4096"));

        var sysctls = AssertValid(ConfigLoader.Parse(Network("\"sysctls\": {\"net.ipv4.conf.all.rp_filter\": \"1\"}"), env)).Network.Sysctls;

        Assert.Equal([new("net.core.somaxconn", "4096"), new("net.ipv4.conf.all.rp_filter", "1")], sysctls);
    }

    [Fact]
    public void Parse_SysctlVariable_OverridesFileValue()
    {
        var env = Environment(("hostagent__network__sysctls__net.ipv4.ip_forward", "ignored"), ("HOSTAGENT__network__Sysctls__net.ipv4.ip_forward", "0"));

        var sysctls = AssertValid(ConfigLoader.Parse(Network("\"sysctls\": {\"net.ipv4.ip_forward\": 1}"), env)).Network.Sysctls;

        Assert.Equal([new("net.ipv4.ip_forward", "0")], sysctls);
    }

    [Fact]
    public void Parse_UnrelatedVariables_AreIgnored()
    {
        var env = Environment(("PATH", "/usr/bin"), ("hostagent__network__mtu", "1"), ("HOSTAGENT_NETWORK_MTU", "1"));

        Assert.Equal(1500, AssertValid(ConfigLoader.Parse(Minimal, env)).Network.Mtu);
    }

    [Theory]
    [InlineData("HOSTAGENT__NETWORK__BOGUS", "unknown key")]
    [InlineData("HOSTAGENT__LOGGING__LEVEL", "unknown key")]
    [InlineData("HOSTAGENT__NETWORK", "unknown key")]
    [InlineData("HOSTAGENT__", "unknown key")]
    [InlineData("HOSTAGENT__NETWORK__MTU__MAX", "unknown key")]
    [InlineData("HOSTAGENT__NETWORK__PODCIDR__", "unknown key")]
    [InlineData("HOSTAGENT__NETWORK__SYSCTLS", "unknown key (set one sysctl per variable: HOSTAGENT__NETWORK__SYSCTLS__<name>)")]
    public void Parse_VariableNamingUnknownKey_ReportsIt(string name, string rule)
    {
        AssertError(ConfigLoader.Parse(Minimal, Environment((name, "x"))), $"env:{name}", "\"x\"", rule);
    }

    [Theory]
    [InlineData("HOSTAGENT__NETWORK__MTU", "abc", "network.mtu", "must be an integer")]
    [InlineData("HOSTAGENT__NETWORK__MTU", "1500.0", "network.mtu", "must be an integer")]
    [InlineData("HOSTAGENT__NETWORK__MTU", "20", "network.mtu", "must be from 68 to 65535")]
    [InlineData("HOSTAGENT__NETWORK__MTU", "", "network.mtu", "must be an integer")]
    [InlineData("HOSTAGENT__AGENT__OBSERVEONLY", "yes", "agent.observeOnly", "must be a boolean")]
    [InlineData("HOSTAGENT__AGENT__RETRYMAXDELAY", "30", "agent.retryMaxDelay", Duration.Rule)]
    [InlineData("HOSTAGENT__NETWORK__PODCIDR", "10.216.0.1/24", "network.podCidr", "host bits must be zero (did you mean 10.216.0.0/24?)")]
    [InlineData("HOSTAGENT__NETWORK__GATEWAY", "10.216.0.255", "network.gateway", "must not be the broadcast address of podCidr 10.216.0.0/24")]
    public void Parse_BadVariableValue_ReportsKeyAndVariable(string name, string text, string key, string rule)
    {
        AssertError(ConfigLoader.Parse(Minimal, Environment((name, text))), $"{key} (from {name})", $"\"{text}\"", rule);
    }

    [Fact]
    public void Parse_BadSysctlVariable_ReportsNameAndVariable()
    {
        const string name = "HOSTAGENT__NETWORK__SYSCTLS__kernel.panic";

        var result = ConfigLoader.Parse(Minimal, Environment((name, "10")));

        AssertError(result, $"network.sysctls[\"kernel.panic\"] (from {name})", "\"kernel.panic\"", "name must start with \"net.\": this agent only enforces network sysctls");
    }

    [Fact]
    public void Parse_EmptySysctlVariable_ReportsValue()
    {
        const string name = "HOSTAGENT__NETWORK__SYSCTLS__net.ipv4.ip_forward";

        AssertError(ConfigLoader.Parse(Minimal, Environment((name, ""))), $"network.sysctls[\"net.ipv4.ip_forward\"] (from {name})", "\"\"", "must not be empty");
    }

    [Fact]
    public void Parse_GatewayFromFileOutsideCidrFromEnvironment_ReportsOnGateway()
    {
        var env = Environment(("HOSTAGENT__NETWORK__PODCIDR", "10.99.0.0/24"));

        AssertError(ConfigLoader.Parse(Network("\"gateway\": \"10.216.0.1\""), env), "network.gateway", "\"10.216.0.1\"", "must be inside podCidr 10.99.0.0/24");
    }

    [Fact]
    public void Parse_BadFileValueAndBadVariable_ReportsBothFileFirst()
    {
        var env = Environment(("HOSTAGENT__NETWORK__MTU", "big"), ("HOSTAGENT__AGENT__BOGUS", "1"));

        AssertErrors(
            ConfigLoader.Parse(Network("\"mtu\": \"big\""), env),
            new ConfigError("network.mtu", "\"big\"", "must be an integer"),
            new ConfigError("env:HOSTAGENT__AGENT__BOGUS", "\"1\"", "unknown key"),
            new ConfigError("network.mtu (from HOSTAGENT__NETWORK__MTU)", "\"big\"", "must be an integer"));
    }

    [Fact]
    public void Parse_InvalidJsonWithEnvironment_ReportsOnlyTheJson()
    {
        var error = Assert.Single(ConfigLoader.Parse("{", Environment(("HOSTAGENT__X", "1"))).Errors);

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void ProcessEnvironment_ReturnsOnlyPrefixedVariables()
    {
        var name = $"HOSTAGENT__TEST__{Guid.NewGuid():N}";
        System.Environment.SetEnvironmentVariable(name, "value");
        try
        {
            var variables = ConfigLoader.ProcessEnvironment();

            Assert.Equal("value", variables[name]);
            Assert.All(variables.Keys, static key => Assert.StartsWith(ConfigLoader.EnvironmentPrefix, key, StringComparison.Ordinal));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(name, null);
        }
    }
}
