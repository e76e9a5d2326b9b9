using HostAgent.Linux.Systemd;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Systemd;

public sealed class UnitObjectPathTests
{
    [Theory]
    [InlineData("rsyslog.service", "/org/freedesktop/systemd1/unit/rsyslog_2eservice")]
    [InlineData("frr.service", "/org/freedesktop/systemd1/unit/frr_2eservice")]
    [InlineData("systemd-journald.service", "/org/freedesktop/systemd1/unit/systemd_2djournald_2eservice")]
    [InlineData("getty@tty1.service", "/org/freedesktop/systemd1/unit/getty_40tty1_2eservice")]
    [InlineData("1password.service", "/org/freedesktop/systemd1/unit/_31password_2eservice")]
    [InlineData("a_b9.service", "/org/freedesktop/systemd1/unit/a_5fb9_2eservice")]
    public void For_UnitName_EscapesAsSystemdDoes(string unit, string expected) =>
        Assert.Equal(expected, UnitObjectPath.For(unit));
}
