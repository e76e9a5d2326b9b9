using System.Runtime.InteropServices;

namespace HostAgent.Linux.Interop;

/// <summary>File calls .NET does not offer: owner and group of a file, changing them, and syncing a directory.</summary>
internal static unsafe partial class LibC
{
    public const int AtFdcwd = -100;
    public const int ODirectory = 0x10000;
    public const uint StatxMode = 0x2;
    public const uint StatxUid = 0x8;
    public const uint StatxGid = 0x10;

    /// <summary>struct statx is 256 bytes on every architecture; uid, gid and mode sit at fixed offsets.</summary>
    public const int StatxSize = 256;
    public const int StatxUidOffset = 20;
    public const int StatxGidOffset = 24;
    public const int StatxModeOffset = 28;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);
}
