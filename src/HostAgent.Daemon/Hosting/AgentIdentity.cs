using System.Reflection;

namespace HostAgent.Daemon.Hosting;

/// <summary>Who this agent is: reported by status and by the build-info metric.</summary>
public sealed record AgentIdentity(string Version, string Hostname, DateTimeOffset StartedAt)
{
    public static string CurrentVersion { get; } =
        typeof(AgentIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static AgentIdentity ForThisProcess(DateTimeOffset startedAt) =>
        new(CurrentVersion, Environment.MachineName, startedAt);
}
