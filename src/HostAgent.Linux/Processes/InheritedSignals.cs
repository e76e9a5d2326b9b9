using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Processes;

/// <summary>Signal dispositions a process inherits across exec.</summary>
public static class InheritedSignals
{
    /// <summary>
    /// A process started with SIGHUP ignored (under nohup, or by a parent that ignores it) keeps it ignored,
    /// and .NET then installs no handler for it, so the reload signal would do nothing. Restores the default
    /// disposition when it was ignored, before the agent registers its own handler.
    /// </summary>
    /// <returns>True when SIGHUP had been ignored.</returns>
    public static unsafe bool StopIgnoringHangup()
    {
        var current = stackalloc byte[LibC.SigactionSize];
        if (LibC.SigAction(LibC.SigHup, null, current) != 0 || *(nint*)current != LibC.SigIgn)
        {
            return false;
        }
        LibC.Signal(LibC.SigHup, LibC.SigDfl);
        return true;
    }
}
