using Xunit;

namespace HostAgent.TestCommon;

/// <summary>Gates for tests that need the real kernel.</summary>
public static class Lab
{
    /// <summary>Skips the calling [SkippableFact] unless the process runs as root.</summary>
    public static void RequireRoot() =>
        Skip.IfNot(Environment.IsPrivilegedProcess, "needs root: creates network namespaces");
}
