namespace HostAgent.Core.Configuration;

/// <summary>The whole validated configuration; built only by the config loader.</summary>
public sealed record HostAgentConfig(AgentSettings Agent, NetworkSettings Network);
