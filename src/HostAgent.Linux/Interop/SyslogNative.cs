using System.Runtime.InteropServices;

namespace HostAgent.Linux.Interop;

/// <summary>The libc calls behind the syslog adapters: stat, ownership, labels, process spawning with a passed socket.</summary>
internal static unsafe partial class SyslogNative
{
    public const int AtFdcwd = -100;
    public const int AtSymlinkNofollow = 0x100;
    public const uint StatxBasicStats = 0x7ff;

    public const ushort SIfmt = 0xF000;
    public const ushort SIfdir = 0x4000;
    public const ushort SIfsock = 0xC000;

    public const int PosixSpawnSetsigdef = 0x04;
    public const int PosixSpawnSetsigmask = 0x08;
    public const int PosixSpawnSetsid = 0x80;

    public const int Wnohang = 1;

    public const int FDupfdCloexec = 1030;
    public const int AfUnix = 1;
    public const int SockDgram = 2;
    public const int SockCloexec = 0x80000;

    /// <summary>sockaddr_un: the family, then a 108-byte path.</summary>
    public const int SockaddrUnSize = 110;
    public const int ORdonly = 0;

    public const long SysPidfdOpen = 434;
    public const long SysPidfdGetfd = 438;

    /// <summary>glibc's sizes are smaller; generous buffers keep the opaque structs safe on any version.</summary>
    public const int SpawnStructSize = 1024;
    public const int SigsetSize = 128;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirfd, string path, int flags, uint mask, StatxBuffer* buffer);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Lchown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "chmod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chmod(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "lgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Lgetxattr(string path, string name, byte* value, nuint size);

    [LibraryImport("libc", EntryPoint = "lsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Lsetxattr(string path, string name, byte* value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "getpwnam", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial byte* Getpwnam(string name);

    [LibraryImport("libc", EntryPoint = "getgrnam", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial byte* Getgrnam(string name);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(byte* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(byte* actions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(byte* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    public static partial int SpawnAttrInit(byte* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    public static partial int SpawnAttrSetFlags(byte* attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int SpawnAttrSetSigMask(byte* attributes, byte* mask);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int SpawnAttrSetSigDefault(byte* attributes, byte* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    public static partial int SpawnAttrDestroy(byte* attributes);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    public static partial int SigEmptySet(byte* set);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    public static partial int SigFillSet(byte* set);

    [LibraryImport("libc", EntryPoint = "posix_spawnp")]
    public static partial int PosixSpawnp(int* pid, byte* file, byte* actions, byte* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static partial int Waitpid(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, long a, long b, long c);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* address, uint addressLength);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FileActionsAddOpen(byte* actions, int fd, string path, int flags, uint mode);

    [StructLayout(LayoutKind.Sequential)]
    public struct StatxBuffer
    {
        public uint Mask;
        public uint Blksize;
        public ulong Attributes;
        public uint Nlink;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
        private readonly ushort _spare0;
        public ulong Ino;
        public ulong Size;
        public ulong Blocks;
        public ulong AttributesMask;

        // atime, btime, ctime, mtime (16 bytes each), device numbers and spare space: 256 bytes in all.
        private fixed byte _rest[256 - 64];
    }
}
