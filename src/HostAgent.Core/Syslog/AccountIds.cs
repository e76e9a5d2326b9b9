namespace HostAgent.Core.Syslog;

/// <summary>The configured owner and group as ids; null for a name this host does not know.</summary>
public sealed record AccountIds(uint? Uid, uint? Gid);
