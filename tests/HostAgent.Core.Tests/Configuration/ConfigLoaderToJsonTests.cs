using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderToJsonTests
{
    [Fact]
    public void ToJson_MinimalConfig_WritesEveryKeyWithDefaults()
    {
        var json = ConfigLoader.ToJson(AssertValid(ConfigLoader.Parse(Minimal)));

        const string expected = """
            {
              "agent": {
                "observeOnly": false,
                "resyncInterval": "30s",
                "retryMinDelay": "200ms",
                "retryMaxDelay": "30s",
                "grpcSocket": "/run/hostagent/hostagent.sock",
                "grpcSocketMode": "0660",
                "metricsListen": "127.0.0.1:9469",
                "logLevel": "Information",
                "followUnits": [
                  "rsyslog.service",
                  "docker.service"
                ]
              },
              "network": {
                "podCidr": "10.216.0.0/24",
                "bridge": "cbr0",
                "gateway": "10.216.0.1",
                "mtu": 1500,
                "observeOnly": false,
                "removeStrayAddresses": false,
                "sysctls": {
                  "net.ipv4.ip_forward": "1"
                }
              }
            }
            """;
        Assert.Equal(expected, json);
    }

    [Fact]
    public void ToJson_SampleFile_RoundTrips()
    {
        var config = AssertValid(ConfigLoader.LoadFile(SampleConfigPath()));

        AssertSameConfig(config, AssertValid(ConfigLoader.Parse(ConfigLoader.ToJson(config))));
    }

    [Fact]
    public void ToJson_EveryKeyChanged_RoundTrips()
    {
        var env = Environment(("HOSTAGENT__NETWORK__SYSCTLS__net.ipv4.conf.eth0/100.rp_filter", "2"));
        const string json = """
            {
              "agent": {
                "observeOnly": true, "resyncInterval": "90s", "retryMinDelay": "1500ms", "retryMaxDelay": "2h",
                "grpcSocket": "/run/a b/ä.sock", "grpcSocketMode": "600", "metricsListen": "", "logLevel": "fatal"
              },
              "network": {
                "podCidr": "100.64.12.0/22", "bridge": "pods.0", "gateway": "100.64.15.254", "mtu": 8950,
                "observeOnly": true, "removeStrayAddresses": true,
                "sysctls": { "net.ipv4.tcp_rmem": "4096 87380 6291456", "net.core.somaxconn": 4096, "net.x": "\"quoted\" \\ <tag>" }
              }
            }
            """;
        var config = AssertValid(ConfigLoader.Parse(json, env));

        var text = ConfigLoader.ToJson(config);

        AssertSameConfig(config, AssertValid(ConfigLoader.Parse(text)));
        Assert.Contains("\"grpcSocketMode\": \"0600\"", text, StringComparison.Ordinal);
        Assert.Contains("\"retryMaxDelay\": \"2h\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_EmptySysctls_RoundTripsAsEmptyObject()
    {
        var config = AssertValid(ConfigLoader.Parse(Network("\"sysctls\": {}")));

        var text = ConfigLoader.ToJson(config);

        Assert.Contains("\"sysctls\": {}", text, StringComparison.Ordinal);
        Assert.Empty(AssertValid(ConfigLoader.Parse(text)).Network.Sysctls);
    }

    [Fact]
    public void ToJson_HandBuiltConfig_SortsSysctls()
    {
        var cidr = Ipv4Cidr.Parse("10.1.0.0/24");
        var config = new HostAgentConfig(
            new AgentSettings(),
            new NetworkSettings { PodCidr = cidr, Gateway = cidr.FirstHost, Sysctls = [new("net.z", "1"), new("net.a", "2")] });

        var text = ConfigLoader.ToJson(config);

        Assert.True(text.IndexOf("net.a", StringComparison.Ordinal) < text.IndexOf("net.z", StringComparison.Ordinal));
        AssertSameConfig(config with { Network = config.Network with { Sysctls = [new("net.a", "2"), new("net.z", "1")] } }, AssertValid(ConfigLoader.Parse(text)));
    }

    private static void AssertSameConfig(HostAgentConfig expected, HostAgentConfig actual)
    {
        Assert.Equal(expected.Agent, actual.Agent);
        Assert.Equal(expected.Network.Sysctls, actual.Network.Sysctls);
        // Sysctls is a list, compared by reference in record equality, so compare the rest with it set aside.
        Assert.Equal(expected.Network with { Sysctls = [] }, actual.Network with { Sysctls = [] });
    }
}
