using Xunit;

namespace HostAgent.TestLab;

/// <summary>Gates for tests that need the real kernel.</summary>
public static class Lab
{
    /// <summary>Skips the calling [SkippableFact] unless the process runs as root.</summary>
    public static void RequireRoot() =>
        Skip.IfNot(Environment.IsPrivilegedProcess, "needs root: creates network namespaces");

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            Thread.Sleep(20);
        }
        return true;
    }
}
