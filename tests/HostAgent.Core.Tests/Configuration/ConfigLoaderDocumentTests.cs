using HostAgent.Core.Configuration;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderDocumentTests
{
    [Theory]
    [InlineData("{\"network\": {", 1)]
    [InlineData("{\n  \"network\": {\n    \"podCidr\": 10.216.0.0/24\n  }\n}", 3)]
    [InlineData("{\"network\": {\"podCidr\": \"10.216.0.0/24\",}}", 1)]
    [InlineData("// comment\n{}", 1)]
    [InlineData("{} {}", 1)]
    public void Parse_InvalidJson_ReportsOneErrorWithPosition(string json, int line)
    {
        var result = ConfigLoader.Parse(json);

        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.Null(error.Value);
        Assert.StartsWith("must be valid JSON: ", error.Rule, StringComparison.Ordinal);
        Assert.Contains($"(line {line}, byte ", error.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Parse_Empty_ReportsEmptyFile(string json)
    {
        AssertError(ConfigLoader.Parse(json), "$", null, "must be valid JSON: the file is empty");
    }

    [Fact]
    public void Parse_TrailingComma_OmitsReaderAdvice()
    {
        var error = Assert.Single(ConfigLoader.Parse("{\"network\": {},}").Errors);

        Assert.Contains("trailing comma", error.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"network\"")]
    [InlineData("42")]
    public void Parse_RootNotObject_ReportsOnlyThat(string json)
    {
        AssertError(ConfigLoader.Parse(json), "$", json, "must be an object with \"agent\" and \"network\" sections");
    }

    [Fact]
    public void Parse_AgentNotObject_ReportsType()
    {
        var result = ConfigLoader.Parse("{\"agent\": [], \"network\": {" + PodCidr + "}}");

        AssertError(result, "agent", "[]", "must be an object");
    }

    [Fact]
    public void Parse_DuplicateKeyInSection_ReportsDuplicate()
    {
        AssertError(ConfigLoader.Parse(Network("\"mtu\": 1500, \"mtu\": 9000")), "network.mtu", "9000", "duplicate key");
    }

    [Fact]
    public void Parse_DuplicateSection_ReportsDuplicate()
    {
        var result = ConfigLoader.Parse("{\"agent\": {}, \"network\": {" + PodCidr + "}, \"agent\": {\"logLevel\": \"Debug\"}}");

        AssertError(result, "agent", "{\"logLevel\": \"Debug\"}", "duplicate key");
    }

    [Theory]
    [InlineData("{\"agent\": {\"bogus\": 1}, \"network\": {" + PodCidr + "}}", "agent.bogus", "1", "unknown key")]
    [InlineData("{\"agent\": {\"ObserveOnly\": true}, \"network\": {" + PodCidr + "}}", "agent.ObserveOnly", "true", "unknown key (did you mean \"observeOnly\"?)")]
    [InlineData("{\"agent\": {\"loglevel\": \"Debug\"}, \"network\": {" + PodCidr + "}}", "agent.loglevel", "\"Debug\"", "unknown key (did you mean \"logLevel\"?)")]
    [InlineData("{\"network\": {" + PodCidr + ", \"MTU\": 9000}}", "network.MTU", "9000", "unknown key (did you mean \"mtu\"?)")]
    [InlineData("{\"network\": {" + PodCidr + ", \"ip_forward\": true}}", "network.ip_forward", "true", "unknown key")]
    [InlineData("{\"network\": {" + PodCidr + ", \"net.ipv4.ip_forward\": \"1\"}}", "network[\"net.ipv4.ip_forward\"]", "\"1\"", "unknown key")]
    [InlineData("{\"network\": {" + PodCidr + "}, \"logging\": {}}", "logging", "{}", "unknown key")]
    public void Parse_UnknownKey_ReportsItWithHint(string json, string path, string value, string rule)
    {
        AssertError(ConfigLoader.Parse(json), path, value, rule);
    }

    [Fact]
    public void Parse_SectionNameWrongCase_ReportsHintAndMissingCidr()
    {
        var result = ConfigLoader.Parse("{\"Network\": {" + PodCidr + "}}");

        AssertErrors(
            result,
            new ConfigError("Network", "{\"podCidr\": \"10.216.0.0/24\"}", "unknown key (did you mean \"network\"?)"),
            new ConfigError("network.podCidr", null, "required: the node's pod subnet, e.g. 10.216.0.0/24"));
    }

    [Fact]
    public void Parse_ManyProblems_ReportsAllInDocumentOrder()
    {
        const string json = """
            {
              "network": {
                "gateway": "10.0.0.1",
                "mtu": 20,
                "podCidr": "10.216.0.0/24",
                "bridge": "a bridge",
                "sysctls": { "kernel.panic": "10", "net.ipv4.ip_forward": false }
              },
              "agent": {
                "logLevel": "Loud",
                "retryMinDelay": "1h",
                "bogus": null,
                "resyncInterval": "0s"
              },
              "extra": true
            }
            """;

        AssertErrors(
            ConfigLoader.Parse(json),
            new ConfigError("network.gateway", "\"10.0.0.1\"", "must be inside podCidr 10.216.0.0/24"),
            new ConfigError("network.mtu", "20", "must be from 68 to 65535"),
            new ConfigError("network.bridge", "\"a bridge\"", "may contain only letters, digits, '_', '.' and '-'"),
            new ConfigError("network.sysctls[\"kernel.panic\"]", "\"kernel.panic\"", "name must start with \"net.\": this agent only enforces network sysctls"),
            new ConfigError("network.sysctls[\"net.ipv4.ip_forward\"]", "false", "must be a string or an integer"),
            new ConfigError("agent.logLevel", "\"Loud\"", "must be one of Verbose, Debug, Information, Warning, Error, Fatal"),
            new ConfigError("agent.retryMinDelay", "\"1h\"", "must not be greater than retryMaxDelay (30s)"),
            new ConfigError("agent.bogus", "null", "unknown key"),
            new ConfigError("agent.resyncInterval", "\"0s\"", Duration.Rule),
            new ConfigError("extra", "true", "unknown key"));
    }

    [Fact]
    public void Parse_MissingCidrAmongOtherErrors_IsReportedAtEndOfNetworkSection()
    {
        var result = ConfigLoader.Parse("""{"network": {"mtu": 1}, "agent": {"logLevel": 1}}""");

        AssertErrors(
            result,
            new ConfigError("network.mtu", "1", "must be from 68 to 65535"),
            new ConfigError("network.podCidr", null, "required: the node's pod subnet, e.g. 10.216.0.0/24"),
            new ConfigError("agent.logLevel", "1", "must be a string"));
    }

    [Fact]
    public void ConfigError_ToString_IsPathValueRule()
    {
        var errors = ConfigLoader.Parse(Network("\"mtu\": 20")).Errors;

        Assert.Equal("network.mtu: 20: must be from 68 to 65535", Assert.Single(errors).ToString());
    }
}
