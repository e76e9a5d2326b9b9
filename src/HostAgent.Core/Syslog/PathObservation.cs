namespace HostAgent.Core.Syslog;

public enum PathKind
{
    Missing,
    Directory,
    Socket,

    /// <summary>A regular file, a link or anything else: never changed or removed by the agent.</summary>
    Other,
}

/// <summary>What is at a path (lstat): its kind, owner, permission bits and inode.</summary>
/// <param name="SelinuxLabel">The security.selinux label; null when not read (SELinux not enforcing) or unset.</param>
public sealed record PathObservation(PathKind Kind, uint Uid, uint Gid, int Mode, ulong Inode, string? SelinuxLabel = null)
{
    public static PathObservation Missing { get; } = new(PathKind.Missing, 0, 0, 0, 0);

    public bool Exists => Kind != PathKind.Missing;
}
