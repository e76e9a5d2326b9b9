using System.Runtime.InteropServices;

namespace HostAgent.Bench.Lab;

internal static partial class Native
{
    public const int SigTerm = 15;

    private const int ScClkTck = 2;

    /// <summary>USER_HZ: the unit of utime and stime in /proc/PID/stat.</summary>
    public static long ClockTicksPerSecond { get; } = SysConf(ScClkTck) is > 0 and var ticks ? ticks : 100;

    // Process.Kill only sends SIGKILL; the agents get SIGTERM first so they shut down as under systemd.
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
