using System.Runtime.InteropServices;

namespace HostAgent.Linux.Interop;

/// <summary>Signals to daemons the agent started itself, where no service manager does it.</summary>
internal static partial class LibC
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
