using System.Text.Json;
using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;
using HostAgent.Linux.Netlink;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Netlink;

public sealed class RtnetlinkKernelNetworkAddressTests
{
    private static readonly Ipv4Prefix Gateway = Prefixes.Parse("10.216.0.1/24");

    [SkippableFact]
    public void AddAddress_Bridge_ListedAndIpShowsBroadcast()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);
        var index = kernel.CreateBridge("br0", 1500);

        kernel.AddAddress(index, Gateway);

        Assert.Equal([Gateway], kernel.GetAddresses(index));
        var shown = Assert.Single(InetAddresses(ns, "br0"));
        Assert.Equal("10.216.0.1", shown.GetProperty("local").GetString());
        Assert.Equal(24, shown.GetProperty("prefixlen").GetInt32());
        Assert.Equal("10.216.0.255", shown.GetProperty("broadcast").GetString());
        Assert.Equal("global", shown.GetProperty("scope").GetString());
    }

    [SkippableFact]
    public void AddAddress_Slash32_HasNoBroadcast()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);
        var index = kernel.CreateBridge("br0", 1500);

        kernel.AddAddress(index, Prefixes.Parse("10.216.9.9/32"));

        Assert.Equal([Prefixes.Parse("10.216.9.9/32")], kernel.GetAddresses(index));
        Assert.False(Assert.Single(InetAddresses(ns, "br0")).TryGetProperty("broadcast", out _));
    }

    [SkippableFact]
    public void AddAddress_Duplicate_ThrowsEexist()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);
        var index = kernel.CreateBridge("br0", 1500);
        kernel.AddAddress(index, Gateway);

        var error = Assert.Throws<KernelNetworkException>(() => kernel.AddAddress(index, Gateway));

        Assert.Equal(17, error.Errno);
        Assert.StartsWith($"add address 10.216.0.1/24 on ifindex {index}: File exists (EEXIST)", error.Message, StringComparison.Ordinal);
        Assert.Equal([Gateway], kernel.GetAddresses(index));
    }

    [SkippableFact]
    public void AddAddress_UnknownIndex_ThrowsEnodev()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);

        var error = Assert.Throws<KernelNetworkException>(() => kernel.AddAddress(4242, Gateway));

        Assert.Equal(Errno.ENODEV, error.Errno);
    }

    [SkippableFact]
    public void DeleteAddress_OneOfTwo_RemovesOnlyThatOne()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);
        var index = kernel.CreateBridge("br0", 1500);
        var other = Prefixes.Parse("10.217.0.1/16");
        kernel.AddAddress(index, Gateway);
        kernel.AddAddress(index, other);

        kernel.DeleteAddress(index, Gateway);

        Assert.Equal([other], kernel.GetAddresses(index));
        Assert.Equal("10.217.0.1", Assert.Single(InetAddresses(ns, "br0")).GetProperty("local").GetString());
    }

    [SkippableFact]
    public void DeleteAddress_WrongPrefixLength_ThrowsEaddrnotavailAndKeepsAddress()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);
        var index = kernel.CreateBridge("br0", 1500);
        kernel.AddAddress(index, Gateway);

        var error = Assert.Throws<KernelNetworkException>(() => kernel.DeleteAddress(index, Prefixes.Parse("10.216.0.1/16")));

        Assert.Equal(Errno.EADDRNOTAVAIL, error.Errno);
        Assert.Equal([Gateway], kernel.GetAddresses(index));
    }

    [SkippableFact]
    public void DeleteAddress_Missing_ThrowsEaddrnotavail()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);
        var index = kernel.CreateBridge("br0", 1500);

        var error = Assert.Throws<KernelNetworkException>(() => kernel.DeleteAddress(index, Gateway));

        Assert.Equal(Errno.EADDRNOTAVAIL, error.Errno);
        Assert.StartsWith($"delete address 10.216.0.1/24 on ifindex {index}: Cannot assign requested address (EADDRNOTAVAIL)", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GetAddresses_AddressesOnSeveralLinks_ReturnsOnlyThatLinks()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        ns.Ip("link", "add", "vx", "type", "veth", "peer", "name", "vy");
        ns.Ip("addr", "add", "10.218.0.1/30", "dev", "vx");
        ns.Ip("addr", "add", "10.218.0.2/30", "dev", "vy");
        ns.Ip("addr", "add", "10.218.1.2/24", "dev", "vy");
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);

        var addresses = kernel.GetAddresses(ns.IndexOf("vy"));

        Assert.Equal([Prefixes.Parse("10.218.0.2/30"), Prefixes.Parse("10.218.1.2/24")], addresses.OrderBy(a => a.Address));
        Assert.Equal([Prefixes.Parse("10.218.0.1/30")], kernel.GetAddresses(ns.IndexOf("vx")));
    }

    [SkippableFact]
    public void GetAddresses_UnknownIndex_ThrowsEnodev()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);

        var error = Assert.Throws<KernelNetworkException>(() => kernel.GetAddresses(4242));

        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.StartsWith("list addresses of ifindex 4242: No such device (ENODEV)", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GetAddresses_Loopback_ReturnsLocalhost()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);

        Assert.Equal([Prefixes.Parse("127.0.0.1/8")], kernel.GetAddresses(1));
    }

    private static List<JsonElement> InetAddresses(TestNetns ns, string link) =>
        [.. ns.IpJson("addr", "show", "dev", link)[0].GetProperty("addr_info").EnumerateArray()
            .Where(a => a.GetProperty("family").GetString() == "inet")];
}
