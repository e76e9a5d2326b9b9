using HostAgent.Core.Configuration;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderAgentTests
{
    private const string DurationTypeRule = "must be a string such as \"30s\" (a number and a unit: ms, s, m or h)";

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Parse_ObserveOnlyBoolean_IsUsed(string json, bool expected)
    {
        var config = AssertValid(ConfigLoader.Parse(Agent($"\"observeOnly\": {json}")));

        Assert.Equal(expected, config.Agent.ObserveOnly);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Parse_ObserveOnlyNotBoolean_ReportsType(string json)
    {
        AssertError(ConfigLoader.Parse(Agent($"\"observeOnly\": {json}")), "agent.observeOnly", json, "must be a boolean");
    }

    [Theory]
    [InlineData("resyncInterval", "\"5m\"", 300_000)]
    [InlineData("resyncInterval", "\"24h\"", 86_400_000)]
    [InlineData("retryMinDelay", "\"1ms\"", 1)]
    [InlineData("retryMaxDelay", "\"30s\"", 30_000)]
    public void Parse_ValidDuration_IsUsed(string key, string json, long expectedMilliseconds)
    {
        var agent = AssertValid(ConfigLoader.Parse(Agent($"\"{key}\": {json}"))).Agent;

        var actual = key switch
        {
            "resyncInterval" => agent.ResyncInterval,
            "retryMinDelay" => agent.RetryMinDelay,
            _ => agent.RetryMaxDelay,
        };
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), actual);
    }

    [Theory]
    [InlineData("resyncInterval", "\"0s\"", Duration.Rule)]
    [InlineData("resyncInterval", "\"30\"", Duration.Rule)]
    [InlineData("resyncInterval", "\"-5s\"", Duration.Rule)]
    [InlineData("resyncInterval", "\"1.5s\"", Duration.Rule)]
    [InlineData("resyncInterval", "\"\"", Duration.Rule)]
    [InlineData("resyncInterval", "\"25h\"", "must be at most 24h")]
    [InlineData("retryMinDelay", "\"5d\"", Duration.Rule)]
    [InlineData("retryMaxDelay", "\"30 s\"", Duration.Rule)]
    [InlineData("resyncInterval", "30", DurationTypeRule)]
    [InlineData("retryMinDelay", "null", DurationTypeRule)]
    public void Parse_BadDuration_ReportsRule(string key, string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Agent($"\"{key}\": {json}")), $"agent.{key}", json, rule);
    }

    [Fact]
    public void Parse_RetryMinEqualsMax_IsValid()
    {
        var agent = AssertValid(ConfigLoader.Parse(Agent("\"retryMinDelay\": \"2s\", \"retryMaxDelay\": \"2000ms\""))).Agent;

        Assert.Equal(agent.RetryMinDelay, agent.RetryMaxDelay);
    }

    [Fact]
    public void Parse_RetryMinAboveMax_ReportsOnMin()
    {
        var result = ConfigLoader.Parse(Agent("\"retryMaxDelay\": \"30s\", \"retryMinDelay\": \"1m\""));

        AssertError(result, "agent.retryMinDelay", "\"1m\"", "must not be greater than retryMaxDelay (30s)");
    }

    [Fact]
    public void Parse_RetryMinAboveDefaultMax_ReportsOnMin()
    {
        AssertError(ConfigLoader.Parse(Agent("\"retryMinDelay\": \"1m\"")), "agent.retryMinDelay", "\"1m\"", "must not be greater than retryMaxDelay (30s)");
    }

    [Fact]
    public void Parse_RetryMaxBelowDefaultMin_ReportsOnMax()
    {
        var result = ConfigLoader.Parse(Agent("\"retryMaxDelay\": \"100ms\""));

        AssertError(result, "agent.retryMaxDelay", "\"100ms\"", "must not be less than retryMinDelay (default 200ms)");
    }

    [Fact]
    public void Parse_RetryMinInvalid_SkipsComparison()
    {
        AssertError(ConfigLoader.Parse(Agent("\"retryMinDelay\": \"soon\", \"retryMaxDelay\": \"1ms\"")), "agent.retryMinDelay", "\"soon\"", Duration.Rule);
    }

    [Theory]
    [InlineData("/run/hostagent/hostagent.sock")]
    [InlineData("/s")]
    public void Parse_ValidGrpcSocket_IsUsed(string path)
    {
        Assert.Equal(path, AssertValid(ConfigLoader.Parse(Agent($"\"grpcSocket\": \"{path}\""))).Agent.GrpcSocket);
    }

    [Fact]
    public void Parse_GrpcSocketOf107Bytes_IsValid()
    {
        var path = "/" + new string('s', 106);

        Assert.Equal(path, AssertValid(ConfigLoader.Parse(Agent($"\"grpcSocket\": \"{path}\""))).Agent.GrpcSocket);
    }

    [Theory]
    [InlineData("\"run/hostagent.sock\"", "must be an absolute path")]
    [InlineData("\"\"", "must be an absolute path")]
    [InlineData("\"/run/\\u0000x\"", "must not contain a NUL character")]
    [InlineData("5", "must be a string")]
    public void Parse_BadGrpcSocket_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Agent($"\"grpcSocket\": {json}")), "agent.grpcSocket", json, rule);
    }

    [Theory]
    [InlineData(108)]
    [InlineData(200)]
    public void Parse_GrpcSocketTooLong_ReportsLimit(int bytes)
    {
        var json = $"\"/{new string('s', bytes - 1)}\"";

        AssertError(ConfigLoader.Parse(Agent($"\"grpcSocket\": {json}")), "agent.grpcSocket", json, "must be at most 107 bytes (the Unix socket path limit)");
    }

    [Fact]
    public void Parse_GrpcSocketMultiByteOver107Bytes_ReportsLimit()
    {
        // 54 two-byte characters: 55 characters but 109 bytes.
        var json = $"\"/{new string('é', 54)}\"";

        AssertError(ConfigLoader.Parse(Agent($"\"grpcSocket\": {json}")), "agent.grpcSocket", json, "must be at most 107 bytes (the Unix socket path limit)");
    }

    [Theory]
    [InlineData("0660", 0x1B0)]
    [InlineData("660", 0x1B0)]
    [InlineData("0600", 0x180)]
    [InlineData("0777", 0x1FF)]
    [InlineData("000", 0)]
    public void Parse_ValidGrpcSocketMode_IsOctal(string mode, int expected)
    {
        Assert.Equal(expected, AssertValid(ConfigLoader.Parse(Agent($"\"grpcSocketMode\": \"{mode}\""))).Agent.GrpcSocketMode);
    }

    [Theory]
    [InlineData("\"66\"", "must be 3 or 4 octal digits such as \"0660\"")]
    [InlineData("\"00660\"", "must be 3 or 4 octal digits such as \"0660\"")]
    [InlineData("\"0680\"", "must be 3 or 4 octal digits such as \"0660\"")]
    [InlineData("\"rw-rw----\"", "must be 3 or 4 octal digits such as \"0660\"")]
    [InlineData("\"1777\"", "must be at most 0777 (permission bits only; no setuid, setgid or sticky bit)")]
    [InlineData("\"4660\"", "must be at most 0777 (permission bits only; no setuid, setgid or sticky bit)")]
    [InlineData("660", "must be a string of octal digits such as \"0660\"")]
    public void Parse_BadGrpcSocketMode_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Agent($"\"grpcSocketMode\": {json}")), "agent.grpcSocketMode", json, rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:9469")]
    [InlineData("0.0.0.0:9469")]
    [InlineData("*:9469")]
    [InlineData("localhost:1")]
    [InlineData("[::1]:9469")]
    [InlineData("[::]:65535")]
    [InlineData("10.1.2.3:80")]
    public void Parse_ValidMetricsListen_IsUsed(string listen)
    {
        Assert.Equal(listen, AssertValid(ConfigLoader.Parse(Agent($"\"metricsListen\": \"{listen}\""))).Agent.MetricsListen);
    }

    [Theory]
    [InlineData("\"9469\"", ConfigRules.ListenRule)]
    [InlineData("\"127.0.0.1\"", ConfigRules.ListenRule)]
    [InlineData("\"[::1]\"", ConfigRules.ListenRule)]
    [InlineData("\"::1:9469\"", "an IPv6 host must be in brackets, such as [::1]:9469")]
    [InlineData("\"metrics.example.com:9469\"", "host must be an IPv4 address, an [IPv6] address, localhost or *")]
    [InlineData("\":9469\"", "host must be an IPv4 address, an [IPv6] address, localhost or *")]
    [InlineData("\"256.0.0.1:9469\"", "host must be an IPv4 address, an [IPv6] address, localhost or *")]
    [InlineData("\"[10.0.0.1]:9469\"", "host must be an IPv4 address, an [IPv6] address, localhost or *")]
    [InlineData("\"127.0.0.1:0\"", "port must be a number from 1 to 65535")]
    [InlineData("\"127.0.0.1:65536\"", "port must be a number from 1 to 65535")]
    [InlineData("\"127.0.0.1:\"", "port must be a number from 1 to 65535")]
    [InlineData("\"127.0.0.1:http\"", "port must be a number from 1 to 65535")]
    [InlineData("false", "must be a string")]
    public void Parse_BadMetricsListen_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Agent($"\"metricsListen\": {json}")), "agent.metricsListen", json, rule);
    }

    [Theory]
    [InlineData("Information", "Information")]
    [InlineData("debug", "Debug")]
    [InlineData("WARNING", "Warning")]
    [InlineData("verbose", "Verbose")]
    [InlineData("error", "Error")]
    [InlineData("Fatal", "Fatal")]
    public void Parse_LogLevelAnyCase_StoresCanonicalName(string level, string expected)
    {
        Assert.Equal(expected, AssertValid(ConfigLoader.Parse(Agent($"\"logLevel\": \"{level}\""))).Agent.LogLevel);
    }

    [Theory]
    [InlineData("\"Trace\"", "must be one of Verbose, Debug, Information, Warning, Error, Fatal")]
    [InlineData("\"\"", "must be one of Verbose, Debug, Information, Warning, Error, Fatal")]
    [InlineData("2", "must be a string")]
    public void Parse_BadLogLevel_ReportsRule(string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Agent($"\"logLevel\": {json}")), "agent.logLevel", json, rule);
    }
}
