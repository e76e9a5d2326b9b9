using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class BgpConfigDifferTests
{
    private const string FrrHeader = "Building configuration...\n\nCurrent configuration:\n!\nfrr version 8.4.4\nfrr defaults traditional\nhostname node\n!\n";

    private static readonly string Minimal = Frr("""
        router bgp 65101
         bgp router-id 192.168.77.2
         neighbor 192.168.77.1 remote-as 65000
         neighbor 192.168.77.1 description tor
         !
         address-family ipv4 unicast
          network 10.216.0.0/24
          neighbor 192.168.77.1 route-map HOSTAGENT-IN in
          neighbor 192.168.77.1 route-map HOSTAGENT-OUT out
         exit-address-family
        exit
        !
        ip prefix-list HOSTAGENT-ANNOUNCE seq 5 permit 10.216.0.0/24
        !
        route-map HOSTAGENT-IN permit 10
        exit
        !
        route-map HOSTAGENT-OUT permit 10
         match ip address prefix-list HOSTAGENT-ANNOUNCE
        exit
        !
        end
        """);

    [Fact]
    public void Diff_SameConfig_IsEmpty()
    {
        var change = Diff(Minimal, Minimal);

        Assert.True(change.IsEmpty);
        Assert.Empty(change.Commands);
    }

    [Fact]
    public void Diff_FromEmptyDaemon_CreatesPolicyBeforeTheRouter()
    {
        var change = Diff(Minimal, FrrHeader + "end\n");

        Assert.Equal(
            [
                "ip prefix-list HOSTAGENT-ANNOUNCE seq 5 permit 10.216.0.0/24",
                "route-map HOSTAGENT-IN permit 10",
                "exit",
                "route-map HOSTAGENT-OUT permit 10",
                "match ip address prefix-list HOSTAGENT-ANNOUNCE",
                "exit",
                "router bgp 65101",
                "bgp router-id 192.168.77.2",
                "neighbor 192.168.77.1 remote-as 65000",
                "neighbor 192.168.77.1 description tor",
                "address-family ipv4 unicast",
                "network 10.216.0.0/24",
                "neighbor 192.168.77.1 route-map HOSTAGENT-IN in",
                "neighbor 192.168.77.1 route-map HOSTAGENT-OUT out",
                "exit-address-family",
                "exit",
            ],
            change.Commands);
        Assert.False(change.RefreshOutbound, "a new router sends everything anyway");
    }

    [Fact]
    public void Diff_NeighborAdded_OnlyThatNeighborsLines()
    {
        var target = Minimal
            .Replace(" neighbor 192.168.77.1 description tor\n", " neighbor 192.168.77.1 description tor\n neighbor 192.168.77.3 remote-as 65003\n", StringComparison.Ordinal)
            .Replace("  neighbor 192.168.77.1 route-map HOSTAGENT-OUT out\n", "  neighbor 192.168.77.1 route-map HOSTAGENT-OUT out\n  neighbor 192.168.77.3 route-map HOSTAGENT-IN in\n  neighbor 192.168.77.3 route-map HOSTAGENT-OUT out\n", StringComparison.Ordinal);

        var change = Diff(target, Minimal);

        Assert.Equal(
            [
                "router bgp 65101",
                "neighbor 192.168.77.3 remote-as 65003",
                "address-family ipv4 unicast",
                "neighbor 192.168.77.3 route-map HOSTAGENT-IN in",
                "neighbor 192.168.77.3 route-map HOSTAGENT-OUT out",
                "exit-address-family",
                "exit",
            ],
            change.Commands);
        Assert.Equal(3, change.Count);
        Assert.False(change.RefreshOutbound);
    }

    [Fact]
    public void Diff_NeighborRemoved_OneNoNeighborForAllItsLines()
    {
        var change = Diff(Minimal.Replace("192.168.77.1", "192.168.77.9", StringComparison.Ordinal), Minimal);

        Assert.Contains("no neighbor 192.168.77.1", change.Commands);
        Assert.DoesNotContain(change.Commands, c => c.StartsWith("no neighbor 192.168.77.1 ", StringComparison.Ordinal));
        var commands = change.Commands.ToList();
        Assert.True(commands.IndexOf("neighbor 192.168.77.9 remote-as 65000") < commands.IndexOf("no neighbor 192.168.77.1"),
            "the new neighbor is configured before the old one goes");
    }

    [Fact]
    public void Diff_RemoteAsChanged_NewLineOnlyNeverNoRemoteAs()
    {
        var change = Diff(Minimal.Replace("remote-as 65000", "remote-as 65002", StringComparison.Ordinal), Minimal);

        Assert.Equal(["router bgp 65101", "neighbor 192.168.77.1 remote-as 65002", "exit"], change.Commands);
    }

    [Fact]
    public void Diff_DescriptionRemoved_NoDescription()
    {
        var change = Diff(Minimal.Replace(" neighbor 192.168.77.1 description tor\n", "", StringComparison.Ordinal), Minimal);

        Assert.Equal(["router bgp 65101", "no neighbor 192.168.77.1 description tor", "exit"], change.Commands);
    }

    [Fact]
    public void Diff_PasswordChanged_SummaryMasksIt()
    {
        var running = Minimal.Replace(" neighbor 192.168.77.1 description tor\n", " neighbor 192.168.77.1 description tor\n neighbor 192.168.77.1 password old-secret\n", StringComparison.Ordinal);
        var target = running.Replace("old-secret", "new-secret", StringComparison.Ordinal);

        var change = Diff(target, running);

        Assert.Contains("neighbor 192.168.77.1 password new-secret", change.Commands);
        Assert.DoesNotContain("secret", change.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", change.ToString(), StringComparison.Ordinal);
        Assert.Contains("password ********", change.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_CommunityAdded_SetInRouteMapAndSoftRefresh()
    {
        var target = Minimal.Replace(" match ip address prefix-list HOSTAGENT-ANNOUNCE\n", " match ip address prefix-list HOSTAGENT-ANNOUNCE\n set community graceful-shutdown\n", StringComparison.Ordinal);

        var change = Diff(target, Minimal);

        Assert.Equal(["route-map HOSTAGENT-OUT permit 10", "set community graceful-shutdown", "exit"], change.Commands);
        Assert.True(change.RefreshOutbound, "established sessions keep the old result of a route map until refreshed");
    }

    [Fact]
    public void Diff_CommunityRemoved_NoSetCommunity()
    {
        var running = Minimal.Replace(" match ip address prefix-list HOSTAGENT-ANNOUNCE\n", " match ip address prefix-list HOSTAGENT-ANNOUNCE\n set community 65101:1 graceful-shutdown\n", StringComparison.Ordinal);

        var change = Diff(Minimal, running);

        Assert.Equal(["route-map HOSTAGENT-OUT permit 10", "no set community 65101:1 graceful-shutdown", "exit"], change.Commands);
    }

    [Fact]
    public void Diff_CommunitiesInOtherOrderAndNumeric_Equal()
    {
        var target = Minimal.Replace(" match ip address prefix-list HOSTAGENT-ANNOUNCE\n", " match ip address prefix-list HOSTAGENT-ANNOUNCE\n set community 65101:100 graceful-shutdown no-export\n", StringComparison.Ordinal);
        var running = target.Replace("65101:100 graceful-shutdown no-export", "65535:65281 65535:0 65101:100", StringComparison.Ordinal);

        Assert.True(Diff(target, running).IsEmpty);
    }

    [Fact]
    public void Diff_PrefixWithdrawn_NetworkRemovedPrefixListKept()
    {
        var change = Diff(Minimal.Replace("  network 10.216.0.0/24\n", "", StringComparison.Ordinal), Minimal);

        Assert.Equal(["router bgp 65101", "address-family ipv4 unicast", "no network 10.216.0.0/24", "exit-address-family", "exit"], change.Commands);
    }

    [Fact]
    public void Diff_PrefixReplaced_NewAnnouncedBeforeOldWithdrawnAndSameSequenceReplaced()
    {
        var change = Diff(Minimal.Replace("10.216.0.0/24", "10.217.0.0/24", StringComparison.Ordinal), Minimal);

        Assert.Equal(
            [
                "no ip prefix-list HOSTAGENT-ANNOUNCE seq 5 permit 10.216.0.0/24",
                "ip prefix-list HOSTAGENT-ANNOUNCE seq 5 permit 10.217.0.0/24",
                "router bgp 65101",
                "address-family ipv4 unicast",
                "network 10.217.0.0/24",
                "no network 10.216.0.0/24",
                "exit-address-family",
                "exit",
            ],
            change.Commands);
        Assert.True(change.RefreshOutbound);
    }

    [Fact]
    public void Diff_AsnChanged_OldRouterRemovedFirst()
    {
        var change = Diff(Minimal.Replace("router bgp 65101", "router bgp 4200000001", StringComparison.Ordinal), Minimal);

        Assert.Equal("no router bgp 65101", change.Commands[0]);
        Assert.Equal("router bgp 4200000001", change.Commands[1]);
    }

    [Fact]
    public void Diff_HandAddedLinesInOwnedBlocks_Removed()
    {
        var running = Minimal
            .Replace(" neighbor 192.168.77.1 description tor\n", " neighbor 192.168.77.1 description tor\n neighbor 192.168.77.1 timers 5 15\n", StringComparison.Ordinal)
            .Replace("!\nend", "ip prefix-list HOSTAGENT-ANNOUNCE seq 50 permit 10.0.0.0/8\n!\nroute-map HOSTAGENT-EXTRA permit 10\nexit\n!\nend", StringComparison.Ordinal);

        var change = Diff(Minimal, running);

        Assert.Contains("no neighbor 192.168.77.1 timers 5 15", change.Commands);
        Assert.Contains("no route-map HOSTAGENT-EXTRA permit 10", change.Commands);
        Assert.Contains("no ip prefix-list HOSTAGENT-ANNOUNCE seq 50 permit 10.0.0.0/8", change.Commands);
    }

    [Fact]
    public void Diff_ObjectsTheAgentDoesNotOwn_LeftAlone()
    {
        var running = Minimal.Replace("!\nend", "ip prefix-list OTHER seq 5 permit 10.0.0.0/8\n!\nroute-map OTHER permit 10\nexit\n!\nline vty\n!\nend", StringComparison.Ordinal);

        Assert.True(Diff(Minimal, running).IsEmpty);
    }

    [Fact]
    public void Diff_RouteMapDelayAndCoalesceMissing_SentFirstAndInTheRouter()
    {
        var target = Minimal.Replace("hostname node\n!\n", "hostname node\nbgp route-map delay-timer 0\n!\n", StringComparison.Ordinal)
            .Replace(" bgp router-id 192.168.77.2\n", " bgp router-id 192.168.77.2\n coalesce-time 50\n", StringComparison.Ordinal);

        var change = Diff(target, Minimal);

        Assert.Equal(["bgp route-map delay-timer 0", "router bgp 65101", "coalesce-time 50", "exit"], change.Commands);
        Assert.False(change.RefreshOutbound);
    }

    [Fact]
    public void Diff_RouteMapDelayChangedOrRemovedByHand_ValueSetAgainOrTakenBack()
    {
        var target = Minimal.Replace("hostname node\n!\n", "hostname node\nbgp route-map delay-timer 0\n!\n", StringComparison.Ordinal);
        var changed = Minimal.Replace("hostname node\n!\n", "hostname node\nbgp route-map delay-timer 30\n!\n", StringComparison.Ordinal);

        Assert.Equal(["bgp route-map delay-timer 0"], Diff(target, changed).Commands);
        Assert.Equal(["no bgp route-map delay-timer 30"], Diff(Minimal, changed).Commands);
        Assert.True(Diff(target, target).IsEmpty);
    }

    [Fact]
    public void Diff_QuaggaRunningWithRouteMapDelay_NotTheAgentsToChange()
    {
        var running = Minimal.Replace("hostname node\n!\n", "hostname node\nbgp route-map delay-timer 30\n!\n", StringComparison.Ordinal);

        Assert.DoesNotContain(BgpConfigDiffer.Diff(DaemonConfig.Parse(Minimal), DaemonConfig.Parse(running), BgpFlavor.Quagga).Commands,
            c => c.Contains("delay-timer", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_HandAddedAddressFamily_ItsLinesRemovedOneByOne()
    {
        var running = Minimal.Replace(" exit-address-family\nexit", " exit-address-family\n !\n address-family ipv6 unicast\n  network 2001:db8::/64\n exit-address-family\nexit", StringComparison.Ordinal);

        var change = Diff(Minimal, running);

        Assert.Equal(["router bgp 65101", "address-family ipv6 unicast", "no network 2001:db8::/64", "exit-address-family", "exit"], change.Commands);
    }

    [Fact]
    public void Diff_QuaggaTargetAgainstFrrRunningTheSameFile_IsEmpty()
    {
        // FRR running a Quagga-style bgpd.conf shows it with an address family block and without import-check (its default).
        var target = DaemonConfig.Parse(BgpConfigRenderer.Render(BgpTestData.Desired("minimal", BgpFlavor.Quagga)));
        var running = DaemonConfig.Parse(Minimal.Replace(" neighbor 192.168.77.1 description tor\n", "", StringComparison.Ordinal));

        var change = BgpConfigDiffer.Diff(target, running, BgpFlavor.Quagga);

        Assert.True(change.IsEmpty, change.Summary);
    }

    [Fact]
    public void Diff_QuaggaChange_SentAtTheRouterLevel()
    {
        var running = DaemonConfig.Parse(Minimal.Replace(" neighbor 192.168.77.1 description tor\n", "", StringComparison.Ordinal));
        var desired = BgpTestData.Desired("minimal", BgpFlavor.Quagga) with
        {
            Networks = new EquatableList<Ipv4Cidr>([Ipv4Cidr.Parse("10.216.0.0/24"), Ipv4Cidr.Parse("10.217.0.0/24")]),
        };

        var change = BgpConfigDiffer.Diff(DaemonConfig.Parse(BgpConfigRenderer.Render(desired)), running, BgpFlavor.Quagga);

        Assert.Equal(["router bgp 65101", "network 10.217.0.0/24", "exit"], change.Commands);
    }

    [Fact]
    public void Diff_QuaggaImportCheckMissingOnRealQuagga_Added()
    {
        var target = DaemonConfig.Parse(BgpConfigRenderer.Render(BgpTestData.Desired("minimal", BgpFlavor.Quagga)));
        // Real Quagga prints no "frr version" header, and shows import-check only when it is on.
        var running = DaemonConfig.Parse(BgpConfigRenderer.Render(BgpTestData.Desired("minimal", BgpFlavor.Quagga))
            .Replace(" bgp network import-check\n", "", StringComparison.Ordinal));

        var change = BgpConfigDiffer.Diff(target, running, BgpFlavor.Quagga);

        Assert.Equal(["router bgp 65101", "bgp network import-check", "exit"], change.Commands);
    }

    private static string Frr(string body) => FrrHeader + body + "\n";

    private static BgpConfigChange Diff(string target, string running) =>
        BgpConfigDiffer.Diff(DaemonConfig.Parse(target), DaemonConfig.Parse(running), BgpFlavor.Frr);
}
