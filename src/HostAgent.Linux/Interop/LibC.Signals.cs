using System.Runtime.InteropServices;

namespace HostAgent.Linux.Interop;

/// <summary>Signals: to daemons the agent started itself, and the agent's own dispositions.</summary>
internal static unsafe partial class LibC
{
    public const int SigHup = 1;
    public const int SigTerm = 15;

    /// <summary>SIG_DFL and SIG_IGN as handler values.</summary>
    public const nint SigDfl = 0;
    public const nint SigIgn = 1;

    /// <summary>Room for struct sigaction (152 bytes on x86_64 and aarch64 glibc), whose handler comes first.</summary>
    public const int SigactionSize = 256;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    public static partial int SigAction(int signal, byte* action, byte* oldAction);

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    public static partial nint Signal(int signal, nint handler);
}
