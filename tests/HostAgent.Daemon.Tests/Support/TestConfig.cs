using HostAgent.Core.Networking;

namespace HostAgent.Daemon.Tests.Support;

/// <summary>Config files for hosted agents: one pod network, a long resync so only the test wakes the loop.</summary>
internal static class TestConfig
{
    public const string Bridge = "cbr0";
    public const string PodCidr = "10.216.0.0/24";
    public const string MetricsListen = "127.0.0.1:9469";
    public const string IpForward = "net.ipv4.ip_forward";

    public static Ipv4Prefix Gateway { get; } = new(Ipv4Cidr.Parse(PodCidr).FirstHost, 24);

    /// <summary>A valid file; <paramref name="agent"/> and <paramref name="network"/> are extra JSON members of each section.</summary>
    public static string Json(string agent = "", string network = "") =>
        $$"""
        {
          "agent": {
            "resyncInterval": "1h",
            "metricsListen": "{{MetricsListen}}"{{Members(agent)}}
          },
          "network": {
            "podCidr": "{{PodCidr}}",
            "bridge": "{{Bridge}}"{{Members(network)}}
          }
        }
        """;

    private static string Members(string members) => members.Length == 0 ? "" : ",\n    " + members;
}
