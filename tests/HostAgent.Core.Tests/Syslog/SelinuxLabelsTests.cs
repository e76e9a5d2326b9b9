using HostAgent.Core.Syslog;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

/// <summary>SELinux is not enforcing on the Debian lab machine, so the labelling decision is proven here.</summary>
public class SelinuxLabelsTests
{
    [Theory]
    [InlineData(false, "system_u:object_r:var_run_t:s0", null)]
    [InlineData(false, null, null)]
    [InlineData(true, null, "system_u:object_r:container_file_t:s0")]
    [InlineData(true, "", "system_u:object_r:container_file_t:s0")]
    [InlineData(true, "system_u:object_r:var_run_t:s0", "system_u:object_r:container_file_t:s0")]
    [InlineData(true, "unconfined_u:object_r:tmp_t:s0-s0:c0.c1023", "unconfined_u:object_r:container_file_t:s0-s0:c0.c1023")]
    [InlineData(true, "system_u:object_r:container_file_t:s0", null)]
    [InlineData(true, "garbage", "system_u:object_r:container_file_t:s0")]
    public void Desired_EnforcingAndCurrent_LabelOrNothing(bool enforcing, string? current, string? expected)
    {
        Assert.Equal(expected, SelinuxLabels.Desired(enforcing, current));
    }
}
