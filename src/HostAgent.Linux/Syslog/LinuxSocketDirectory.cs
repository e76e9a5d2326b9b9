using System.Globalization;
using System.Text;
using HostAgent.Core.Syslog;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Syslog;

/// <summary>The socket directory on the real file system: statx, mkdir, lchown, chmod and the SELinux label.</summary>
public sealed unsafe class LinuxSocketDirectory : ISocketDirectory
{
    public const string SelinuxAttribute = "security.selinux";
    public const string DefaultEnforceFile = "/sys/fs/selinux/enforce";

    private readonly string _enforceFile;

    /// <param name="enforceFile">selinuxfs's enforce flag; tests point it elsewhere.</param>
    public LinuxSocketDirectory(string enforceFile = DefaultEnforceFile)
    {
        _enforceFile = enforceFile;
    }

    /// <summary>"1" in selinuxfs' enforce file; absent (no SELinux, as on Debian) or "0" (permissive) is not enforcing.</summary>
    public bool SelinuxEnforcing
    {
        get
        {
            try
            {
                return File.ReadAllText(_enforceFile).Trim() == "1";
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    public AccountIds Resolve(string owner, string group) => new(ResolveUser(owner), ResolveGroup(group));

    public PathObservation Observe(string path, bool readLabel)
    {
        SyslogNative.StatxBuffer stat;
        if (SyslogNative.Statx(SyslogNative.AtFdcwd, path, SyslogNative.AtSymlinkNofollow, SyslogNative.StatxBasicStats, &stat) != 0)
        {
            var errno = Errno.Last;
            return errno is Errno.ENOENT or 20 /* ENOTDIR */
                ? PathObservation.Missing
                : throw new IOException($"cannot stat {path}: {Errno.Describe(errno)}");
        }
        var kind = (stat.Mode & SyslogNative.SIfmt) switch
        {
            SyslogNative.SIfdir => PathKind.Directory,
            SyslogNative.SIfsock => PathKind.Socket,
            _ => PathKind.Other,
        };
        return new PathObservation(kind, stat.Uid, stat.Gid, stat.Mode & 0xFFF, stat.Ino, readLabel ? ReadLabel(path) : null);
    }

    public void CreateDirectory(string path, int mode, uint uid, uint gid)
    {
        Directory.CreateDirectory(path);
        // mkdir applies the umask; set the bits and the owner exactly.
        SetOwner(path, uid, gid);
        SetMode(path, mode);
    }

    public void SetOwner(string path, uint uid, uint gid)
    {
        if (SyslogNative.Lchown(path, uid, gid) != 0)
        {
            throw new IOException($"cannot change the owner of {path} to {uid}:{gid}: {Errno.Describe(Errno.Last)}");
        }
    }

    public void SetMode(string path, int mode)
    {
        if (SyslogNative.Chmod(path, (uint)mode) != 0)
        {
            throw new IOException($"cannot change the mode of {path} to {SyslogText.Mode(mode)}: {Errno.Describe(Errno.Last)}");
        }
    }

    public void SetSelinuxLabel(string path, string label)
    {
        // The kernel takes the context with its terminating NUL, as setfilecon does.
        var bytes = Encoding.ASCII.GetBytes(label + "\0");
        fixed (byte* value = bytes)
        {
            if (SyslogNative.Lsetxattr(path, SelinuxAttribute, value, (nuint)bytes.Length, 0) != 0)
            {
                throw new IOException($"cannot set the SELinux label of {path} to {label}: {Errno.Describe(Errno.Last)}");
            }
        }
    }

    private static string? ReadLabel(string path)
    {
        var buffer = stackalloc byte[256];
        var length = SyslogNative.Lgetxattr(path, SelinuxAttribute, buffer, 256);
        return length <= 0 ? null : Encoding.ASCII.GetString(buffer, (int)length).TrimEnd('\0');
    }

    private static uint? ResolveUser(string name)
    {
        if (uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        // struct passwd: pw_name, pw_passwd (two pointers), then pw_uid.
        var entry = SyslogNative.Getpwnam(name);
        return entry is null ? null : *(uint*)(entry + (2 * sizeof(nint)));
    }

    private static uint? ResolveGroup(string name)
    {
        if (uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        // struct group: gr_name, gr_passwd (two pointers), then gr_gid.
        var entry = SyslogNative.Getgrnam(name);
        return entry is null ? null : *(uint*)(entry + (2 * sizeof(nint)));
    }
}
