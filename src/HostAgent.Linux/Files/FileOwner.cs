namespace HostAgent.Linux.Files;

/// <summary>Owner, group and permission bits of a file or directory.</summary>
public readonly record struct FileOwner(uint Uid, uint Gid, UnixFileMode Mode);
