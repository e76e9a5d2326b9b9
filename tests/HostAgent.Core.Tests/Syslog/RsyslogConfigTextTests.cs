using HostAgent.Core.Syslog;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

public class RsyslogConfigTextTests
{
    private const string DebianMain = """
        module(load="imuxsock") # provides support for local system logging
        module(load="imklog")   # provides kernel logging support
        #module(load="immark")  # provides --MARK-- message capability
        $ModLoad omrelp.so
        $WorkDirectory /var/spool/rsyslog
        # $IncludeConfig /etc/rsyslog.d/old/*.conf
        $IncludeConfig /etc/rsyslog.d/*.conf
        *.*;auth,authpriv.none		-/var/log/syslog
        """;

    [Fact]
    public void LoadedModules_DebianMain_CommentedOutIgnored()
    {
        Assert.Equal(["imuxsock", "imklog", "omrelp"], RsyslogConfigText.LoadedModules(DebianMain));
    }

    [Fact]
    public void RedirectDropIns_LegacyInclude_PointsAtCopy()
    {
        var redirected = RsyslogConfigText.RedirectDropIns(DebianMain, "/etc/rsyslog.d", "/tmp/check/rsyslog.d");

        Assert.Contains("$IncludeConfig /tmp/check/rsyslog.d/*.conf", redirected, StringComparison.Ordinal);
        Assert.Contains("# $IncludeConfig /etc/rsyslog.d/old/*.conf", redirected, StringComparison.Ordinal);
    }

    [Fact]
    public void RedirectDropIns_IncludeStatement_PointsAtCopy()
    {
        var redirected = RsyslogConfigText.RedirectDropIns("include(file=\"/etc/rsyslog.d/*.conf\" mode=\"optional\")", "/etc/rsyslog.d/", "/tmp/c");

        Assert.Equal("include(file=\"/tmp/c/*.conf\" mode=\"optional\")", redirected);
    }

    [Fact]
    public void RedirectDropIns_OnlyASimilarDirectory_Null()
    {
        Assert.Null(RsyslogConfigText.RedirectDropIns("$IncludeConfig /etc/rsyslog.d2/*.conf\n", "/etc/rsyslog.d", "/tmp/c"));
    }

    [Theory]
    [InlineData("global(workDirectory=\"/var/lib/rsyslog\")\n", "/var/lib/rsyslog")]
    [InlineData("$WorkDirectory /var/spool/rsyslog\n", "/var/spool/rsyslog")]
    [InlineData("global(\n  workdirectory=\"/a\"\n)\n$WorkDirectory /b\n", "/b")]
    [InlineData("# global(workDirectory=\"/commented\")\n*.* /var/log/messages\n", null)]
    public void WorkDirectory_MainConfig_LastSettingWins(string text, string? expected)
    {
        Assert.Equal(expected, RsyslogConfigText.WorkDirectory(text));
    }
}
