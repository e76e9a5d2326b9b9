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
        if (before.Syslog != after.Syslog || (after.Syslog is not null && before.Agent.ObserveOnly != after.Agent.ObserveOnly))
        {
            changed.Add("syslog");
        }
        if (before.Bgp != after.Bgp || (after.Bgp is not null && before.Agent.ObserveOnly != after.Agent.ObserveOnly))
        {
            changed.Add("bgp");
        }
        return changed;
    }

    /// <summary>Keys whose new values take effect only when the agent restarts.</summary>
    public static IReadOnlyList<string> RestartRequired(HostAgentConfig before, HostAgentConfig after)
    {
        var keys = new List<string>();
        // Whether the BGP component runs, and its adapters, are decided at start.
        if ((before.Bgp is null) != (after.Bgp is null))
        {
            keys.Add("bgp");
        }
        // The component, its adapters and the agent's own log sink are set up once, at start.
        if ((before.Syslog is null) != (after.Syslog is null))
        {
            keys.Add("syslog");
        }
        else if (before.Syslog is { } was && after.Syslog is { } now)
        {
            if (!was.StartCommand.Equals(now.StartCommand) || was.PidFile != now.PidFile)
            {
                keys.Add("syslog.startCommand");
            }
            if (was.HoldSocket != now.HoldSocket && now.StartCommand.Count > 0)
            {
                keys.Add("syslog.holdSocket");
            }
            if (was.AgentLogs != now.AgentLogs || was.SocketPath != now.SocketPath)
            {
                keys.Add("syslog.agentLogs");
            }
        }
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
