namespace HostAgent.Core.Configuration;

/// <summary>What differs between two configs, by section, for reload reports.</summary>
public static class ConfigDiff
{
    /// <summary>Names of the components whose desired state changed.</summary>
    public static IReadOnlyList<string> ChangedComponents(HostAgentConfig before, HostAgentConfig after)
    {
        var changed = new List<string>();
        if (!SameNetwork(before.Network, after.Network) || before.Agent.ObserveOnly != after.Agent.ObserveOnly)
        {
            changed.Add("network");
        }
        return changed;
    }

    /// <summary>Keys whose new values take effect only when the agent restarts.</summary>
    public static IReadOnlyList<string> RestartRequired(HostAgentConfig before, HostAgentConfig after)
    {
        var keys = new List<string>();
        if (before.Agent.GrpcSocket != after.Agent.GrpcSocket)
        {
            keys.Add("agent.grpcSocket");
        }
        if (before.Agent.GrpcSocketMode != after.Agent.GrpcSocketMode)
        {
            keys.Add("agent.grpcSocketMode");
        }
        if (before.Agent.MetricsListen != after.Agent.MetricsListen)
        {
            keys.Add("agent.metricsListen");
        }
        if (!string.Equals(before.Agent.LogLevel, after.Agent.LogLevel, StringComparison.OrdinalIgnoreCase))
        {
            keys.Add("agent.logLevel");
        }
        return keys;
    }

    private static bool SameNetwork(NetworkSettings a, NetworkSettings b) =>
        a with { Sysctls = [] } == b with { Sysctls = [] } && a.Sysctls.SequenceEqual(b.Sysctls);
}
