using System.Runtime.InteropServices;

namespace HostAgent.TestFakes;

/// <summary>
/// The errno values the fakes raise, described as the real adapters describe them ("File exists (EEXIST)"),
/// so the fakes need none of the Linux adapters' code and the parity tests still compare like with like.
/// </summary>
public static class FakeErrno
{
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int EADDRNOTAVAIL = 99;

    public static string Describe(int errno)
    {
        var name = errno switch
        {
            EEXIST => "EEXIST",
            ENODEV => "ENODEV",
            EINVAL => "EINVAL",
            EADDRNOTAVAIL => "EADDRNOTAVAIL",
            _ => $"errno {errno}",
        };
        return $"{Marshal.GetPInvokeErrorMessage(errno)} ({name})";
    }
}
