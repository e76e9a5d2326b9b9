namespace HostAgent.Core.Syslog;

/// <summary>A file the component owns: where it goes, what it must say, and what it is for people.</summary>
public sealed record ManagedFile(string Path, string Content, string What);
