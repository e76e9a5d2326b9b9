namespace HostAgent.TestLab.Daemon;

/// <summary>Config files for agents under test; "SOCKET" is replaced by the agent's own socket path.</summary>
public static class AgentConfigs
{
    /// <summary>A resync interval so long that any repair seen in a test came from a kernel event.</summary>
    public const string EventOnly = """
        {
          "agent": { "grpcSocket": "SOCKET", "resyncInterval": "1h", "retryMinDelay": "50ms", "retryMaxDelay": "1s" },
          "network": { "podCidr": "10.216.0.0/24", "bridge": "cbr0", "mtu": 1500 }
        }
        """;

    public static string With(string agent = "", string network = "") => $$"""
        {
          "agent": { "grpcSocket": "SOCKET", "resyncInterval": "1h", "retryMinDelay": "50ms", "retryMaxDelay": "1s"{{(agent.Length > 0 ? ", " + agent : "")}} },
          "network": { "podCidr": "10.216.0.0/24", "bridge": "cbr0", "mtu": 1500{{(network.Length > 0 ? ", " + network : "")}} }
        }
        """;
}
