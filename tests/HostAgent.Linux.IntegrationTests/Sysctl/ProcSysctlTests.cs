using HostAgent.Linux.Sysctl;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Sysctl;

public sealed class ProcSysctlTests
{
    [Theory]
    [InlineData("net.ipv4.ip_forward", "/proc/sys/net/ipv4/ip_forward")]
    [InlineData("net.ipv4.conf.eth0/100.forwarding", "/proc/sys/net/ipv4/conf/eth0.100/forwarding")]
    [InlineData("net.ipv4.conf.all.rp_filter", "/proc/sys/net/ipv4/conf/all/rp_filter")]
    public void PathOf_Key_MapsLikeSysctl(string key, string path) =>
        Assert.Equal(path, ProcSysctl.PathOf(key));

    [Theory]
    [InlineData("")]
    [InlineData("net..ipv4")]
    [InlineData(".net.ipv4")]
    [InlineData("net.ipv4.")]
    [InlineData("net.ipv4.conf.//.forwarding")]
    [InlineData("net.ipv4.conf./.forwarding")]
    public void PathOf_BadKey_ThrowsArgumentException(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => ProcSysctl.PathOf(key));

    [Fact]
    public void Read_CurrentNamespace_MatchesProcFile()
    {
        var expected = File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim();

        Assert.Equal(expected, new ProcSysctl().Read("net.ipv4.ip_forward"));
    }

    [Fact]
    public void Read_MissingKey_ReturnsNull() =>
        Assert.Null(new ProcSysctl().Read("net.ipv4.conf.nosuchlink0.forwarding"));

    [SkippableFact]
    public void Write_KeyThatExistsOnlyInTestNamespace_WritesThere()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        // A dotted link name that exists only in the test namespace: reaching its file proves the open
        // happened inside the namespace, and a mistake could only fail, never touch the machine's settings.
        var link = $"v.{ns.Name[3..9]}";
        ns.Ip("link", "add", link, "type", "veth", "peer", "name", $"w.{ns.Name[3..9]}");
        var key = $"net.ipv4.conf.{link.Replace('.', '/')}.forwarding";
        var sysctl = new ProcSysctl(ns.Namespace);
        Assert.Null(new ProcSysctl().Read(key));

        sysctl.Write(key, "1");

        Assert.Equal("1", sysctl.Read(key));
        Assert.Equal("1", ns.Exec("cat", $"/proc/sys/net/ipv4/conf/{link}/forwarding").StdOut.Trim());
    }

    [SkippableFact]
    public void Write_IpForwardInTestNamespace_LeavesRootNamespaceAlone()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        var sysctl = new ProcSysctl(ns.Namespace);
        // Only ever read here: the machine's value is compared before and after, never written.
        var rootBefore = File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim();
        // Guard first with a file that exists only in the namespace, so a broken Run cannot reach the root value.
        ns.Ip("link", "add", "guard0", "type", "bridge");
        Assert.NotNull(sysctl.Read("net.ipv4.conf.guard0.forwarding"));
        var target = rootBefore == "1" ? "0" : "1";

        sysctl.Write("net.ipv4.ip_forward", target);

        Assert.Equal(target, sysctl.Read("net.ipv4.ip_forward"));
        Assert.Equal(target, ns.Exec("cat", "/proc/sys/net/ipv4/ip_forward").StdOut.Trim());
        Assert.Equal(rootBefore, File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim());
    }

    [SkippableFact]
    public void Write_MissingKeyInNamespace_ThrowsIOException()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        var sysctl = new ProcSysctl(ns.Namespace);

        Assert.ThrowsAny<IOException>(() => sysctl.Write("net.ipv4.conf.nosuchlink0.forwarding", "1"));
        Assert.Null(sysctl.Read("net.ipv4.conf.nosuchlink0.forwarding"));
    }
}
