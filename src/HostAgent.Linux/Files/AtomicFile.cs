using System.Runtime.Versioning;
using System.Text;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Files;

/// <summary>
/// Replaces a file so that a reader (or a crash) sees the old content or the new one, never a mix: the new
/// text goes to a temporary file in the same directory, is synced to disk, takes the old file's owner and
/// mode, and is renamed over it; then the directory is synced so the rename itself is durable.
/// </summary>
[SupportedOSPlatform("linux")]
public static unsafe class AtomicFile
{
    /// <param name="newFileMode">Mode of a file that does not exist yet; its owner is then the directory's.</param>
    public static void Write(string path, string text, UnixFileMode newFileMode)
    {
        using var prepared = Prepare(path, text, newFileMode);
        prepared.Commit();
    }

    /// <summary>
    /// Writes and syncs the temporary file with the target's owner and mode, so that only the rename and the
    /// directory sync are left for <see cref="PreparedFile.Commit"/>.
    /// </summary>
    public static PreparedFile Prepare(string path, string text, UnixFileMode newFileMode)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        var owner = TryGetOwner(path) ?? (TryGetOwner(directory) is { } parent ? parent with { Mode = newFileMode } : null);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.hostagent-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (owner is { } o)
            {
                if (LibC.Chown(temporary, o.Uid, o.Gid) != 0)
                {
                    throw new IOException($"cannot give {temporary} the owner {o.Uid}:{o.Gid}: {Errno.Describe(Errno.Last)}");
                }
                File.SetUnixFileMode(temporary, o.Mode);
            }
            else
            {
                File.SetUnixFileMode(temporary, newFileMode);
            }
            return new PreparedFile(temporary, path, directory);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Owner, group and mode of a path; null when it does not exist.</summary>
    public static FileOwner? TryGetOwner(string path)
    {
        var buffer = stackalloc byte[LibC.StatxSize];
        if (LibC.Statx(LibC.AtFdcwd, path, 0, LibC.StatxUid | LibC.StatxGid | LibC.StatxMode, buffer) != 0)
        {
            var errno = Errno.Last;
            return errno == Errno.ENOENT ? null : throw new IOException($"cannot stat {path}: {Errno.Describe(errno)}");
        }
        var uid = *(uint*)(buffer + LibC.StatxUidOffset);
        var gid = *(uint*)(buffer + LibC.StatxGidOffset);
        var mode = *(ushort*)(buffer + LibC.StatxModeOffset);
        return new FileOwner(uid, gid, (UnixFileMode)(mode & 0xFFF));
    }

    internal static void SyncDirectory(string directory)
    {
        var fd = LibC.Open(directory, LibC.ORdonly | LibC.ODirectory | LibC.OCloexec);
        if (fd < 0)
        {
            throw new IOException($"cannot open {directory} to sync it: {Errno.Describe(Errno.Last)}");
        }
        using var handle = new FileDescriptorHandle(fd);
        if (LibC.Fsync(fd) != 0)
        {
            throw new IOException($"cannot sync {directory}: {Errno.Describe(Errno.Last)}");
        }
    }
}
