namespace HostAgent.Core.Configuration;

/// <summary>The whole validated configuration; built only by the config loader.</summary>
/// <param name="Syslog">Null when the file has no "syslog" section: the syslog component does not run.</param>
/// <param name="Bgp">Null when the file has no "bgp" section: the BGP component does not run.</param>
public sealed record HostAgentConfig(AgentSettings Agent, NetworkSettings Network, SyslogSettings? Syslog = null, BgpSettings? Bgp = null);
