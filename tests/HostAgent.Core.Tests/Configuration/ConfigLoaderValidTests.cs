using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderValidTests
{
    [Fact]
    public void LoadFile_ShippedSample_IsValid()
    {
        var config = AssertValid(ConfigLoader.LoadFile(SampleConfigPath()));

        Assert.Equal(Ipv4Cidr.Parse("10.216.0.0/24"), config.Network.PodCidr);
        Assert.Equal("10.216.0.1", Ipv4.ToString(config.Network.Gateway));
        Assert.Equal(new AgentSettings(), config.Agent);
    }

    [Fact]
    public void Parse_MinimalConfig_FillsEveryDefault()
    {
        var config = AssertValid(ConfigLoader.Parse(Minimal));

        var agent = config.Agent;
        Assert.False(agent.ObserveOnly);
        Assert.Equal(TimeSpan.FromSeconds(30), agent.ResyncInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(200), agent.RetryMinDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), agent.RetryMaxDelay);
        Assert.Equal("/run/hostagent/hostagent.sock", agent.GrpcSocket);
        Assert.Equal(0x1B0, agent.GrpcSocketMode);
        Assert.Equal("127.0.0.1:9469", agent.MetricsListen);
        Assert.Equal("Information", agent.LogLevel);
        var network = config.Network;
        Assert.Equal("10.216.0.0/24", network.PodCidr.ToString());
        Assert.Equal("cbr0", network.Bridge);
        Assert.Equal(Ipv4Cidr.Parse("10.216.0.0/24").FirstHost, network.Gateway);
        Assert.Equal("10.216.0.1", Ipv4.ToString(network.Gateway));
        Assert.Equal(1500, network.Mtu);
        Assert.False(network.ObserveOnly);
        Assert.False(network.RemoveStrayAddresses);
        Assert.Equal([new("net.ipv4.ip_forward", "1")], network.Sysctls);
    }

    [Fact]
    public void Parse_EveryKeySet_UsesEveryValue()
    {
        const string json = """
            {
              "agent": {
                "observeOnly": true,
                "resyncInterval": "5m",
                "retryMinDelay": "1s",
                "retryMaxDelay": "1m",
                "grpcSocket": "/var/run/ha.sock",
                "grpcSocketMode": "600",
                "metricsListen": "[::1]:9100",
                "logLevel": "debug"
              },
              "network": {
                "podCidr": "172.20.8.0/22",
                "bridge": "br-pods",
                "gateway": "172.20.11.254",
                "mtu": 9000,
                "observeOnly": true,
                "removeStrayAddresses": true,
                "sysctls": { "net.ipv4.ip_forward": 1, "net.core.somaxconn": "4096" }
              }
            }
            """;

        var config = AssertValid(ConfigLoader.Parse(json));

        Assert.Equal(
            new AgentSettings
            {
                ObserveOnly = true,
                ResyncInterval = TimeSpan.FromMinutes(5),
                RetryMinDelay = TimeSpan.FromSeconds(1),
                RetryMaxDelay = TimeSpan.FromMinutes(1),
                GrpcSocket = "/var/run/ha.sock",
                GrpcSocketMode = 0x180,
                MetricsListen = "[::1]:9100",
                LogLevel = "Debug",
            },
            config.Agent);
        var network = config.Network;
        Assert.Equal("172.20.8.0/22", network.PodCidr.ToString());
        Assert.Equal("br-pods", network.Bridge);
        Assert.Equal("172.20.11.254", Ipv4.ToString(network.Gateway));
        Assert.Equal(new Ipv4Prefix(network.Gateway, 22), network.GatewayPrefix);
        Assert.Equal(9000, network.Mtu);
        Assert.True(network.ObserveOnly);
        Assert.True(network.RemoveStrayAddresses);
        Assert.Equal([new("net.core.somaxconn", "4096"), new("net.ipv4.ip_forward", "1")], network.Sysctls);
    }

    [Fact]
    public void Parse_KeysInAnyOrder_IsValid()
    {
        var config = AssertValid(ConfigLoader.Parse("""{"network": {"mtu": 1400, "gateway": "10.9.0.9", "podCidr": "10.9.0.0/16"}, "agent": {}}"""));

        Assert.Equal("10.9.0.9", Ipv4.ToString(config.Network.Gateway));
        Assert.Equal(1400, config.Network.Mtu);
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsOneErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostagent-missing-{Guid.NewGuid():N}.json");

        var result = ConfigLoader.LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Config);
        Assert.Equal("$", error.Path);
        Assert.Null(error.Value);
        Assert.StartsWith($"cannot read {path}: ", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Directory_ReportsOneError()
    {
        var directory = Path.GetTempPath();

        AssertError(ConfigLoader.LoadFile(directory), "$", null, $"cannot read {directory}: it is a directory");
    }

    [Fact]
    public void LoadFile_FileWithEnvironment_AppliesOverrides()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostagent-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Minimal);
        try
        {
            var config = AssertValid(ConfigLoader.LoadFile(path, Environment(("HOSTAGENT__NETWORK__MTU", "9000"))));

            Assert.Equal(9000, config.Network.Mtu);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_InvalidFile_ReportsItsErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostagent-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Network("\"mtu\": 1"));
        try
        {
            AssertError(ConfigLoader.LoadFile(path), "network.mtu", "1", "must be from 68 to 65535");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
