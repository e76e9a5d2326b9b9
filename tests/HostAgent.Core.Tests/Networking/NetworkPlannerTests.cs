using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using Xunit;

namespace HostAgent.Core.Tests.Networking;

public class NetworkPlannerTests
{
    private static readonly Ipv4Cidr Cidr = Ipv4Cidr.Parse("10.216.0.0/24");
    private static readonly Ipv4Prefix Gateway = Prefix("10.216.0.1/24");

    private static NetworkDesired Desired(bool removeStray = false, int mtu = 1500, params (string, string)[] sysctls) =>
        new("cbr0", mtu, Cidr, Gateway, removeStray,
            sysctls.Length == 0 ? [new("net.ipv4.ip_forward", "1")] : sysctls.Select(s => new KeyValuePair<string, string>(s.Item1, s.Item2)).ToList());

    private static NetworkObserved Observed(LinkInfo? link, Ipv4Prefix[]? addresses = null, string? forward = "1") =>
        new(link, addresses ?? [], [new("net.ipv4.ip_forward", forward)]);

    private static LinkInfo Bridge(bool up = true, int mtu = 1500) => new(7, "cbr0", "bridge", up, false, mtu);

    private static Ipv4Prefix Prefix(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        Assert.True(Ipv4.TryParse(text[..slash], out var address));
        return new Ipv4Prefix(address, int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Plan_NothingExists_CreatesBridgeThenUpThenAddress()
    {
        var plan = NetworkPlanner.Plan(Desired(), Observed(null));

        Assert.Equal(
            [new CreateBridge("cbr0", 1500), new SetLinkUp("cbr0"), new AddAddress("cbr0", Gateway)],
            plan.Actions);
        Assert.Empty(plan.Findings);
        Assert.False(plan.InSync);
    }

    [Fact]
    public void Plan_EverythingMatches_IsEmptyAndInSync()
    {
        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(), [Gateway]));

        Assert.Empty(plan.Actions);
        Assert.Empty(plan.Findings);
        Assert.True(plan.InSync);
    }

    [Fact]
    public void Plan_BridgeDown_SetsUpOnly()
    {
        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(up: false), [Gateway]));

        Assert.Equal([new SetLinkUp("cbr0")], plan.Actions);
    }

    [Fact]
    public void Plan_MtuDiffers_SetsMtuFromObservedToDesired()
    {
        var plan = NetworkPlanner.Plan(Desired(mtu: 9000), Observed(Bridge(mtu: 1500), [Gateway]));

        Assert.Equal([new SetMtu("cbr0", 1500, 9000)], plan.Actions);
    }

    [Fact]
    public void Plan_GatewayMissing_AddsIt()
    {
        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(), []));

        Assert.Equal([new AddAddress("cbr0", Gateway)], plan.Actions);
    }

    [Fact]
    public void Plan_GatewayWithWrongPrefixLength_AddsRightOneAndReportsWrongOne()
    {
        var wrong = Prefix("10.216.0.1/16");

        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(), [wrong]));

        Assert.Equal([new AddAddress("cbr0", Gateway)], plan.Actions);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal(FindingSeverity.Notice, finding.Severity);
        Assert.Contains("10.216.0.1/16", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DownWrongMtuNoAddress_OrdersMtuUpAddress()
    {
        var plan = NetworkPlanner.Plan(Desired(mtu: 1450), Observed(Bridge(up: false, mtu: 1500), []));

        Assert.Equal(
            [new SetMtu("cbr0", 1500, 1450), new SetLinkUp("cbr0"), new AddAddress("cbr0", Gateway)],
            plan.Actions);
    }

    [Fact]
    public void Plan_StrayAddressInCidr_ReportedNotRemovedByDefault()
    {
        var stray = Prefix("10.216.0.9/24");

        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(), [Gateway, stray]));

        Assert.Empty(plan.Actions);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal(FindingSeverity.Notice, finding.Severity);
        Assert.Contains("10.216.0.9/24", finding.Message, StringComparison.Ordinal);
        Assert.True(plan.InSync);
    }

    [Fact]
    public void Plan_StrayAddressesWithRemoveEnabled_RemovedAfterGatewayAddedInAddressOrder()
    {
        var strayHigh = Prefix("10.216.0.200/24");
        var strayLow = Prefix("10.216.0.9/25");

        var plan = NetworkPlanner.Plan(Desired(removeStray: true), Observed(Bridge(), [strayHigh, strayLow]));

        Assert.Equal(
            [new AddAddress("cbr0", Gateway), new RemoveAddress("cbr0", strayLow), new RemoveAddress("cbr0", strayHigh)],
            plan.Actions);
    }

    [Fact]
    public void Plan_AddressOutsideCidr_IgnoredEvenWithRemoveEnabled()
    {
        var outside = Prefix("192.168.5.1/24");

        var plan = NetworkPlanner.Plan(Desired(removeStray: true), Observed(Bridge(), [Gateway, outside]));

        Assert.Empty(plan.Actions);
        Assert.Empty(plan.Findings);
    }

    [Theory]
    [InlineData("veth")]
    [InlineData("dummy")]
    [InlineData(null)]
    public void Plan_InterfaceOfAnotherKind_ConflictAndNoBridgeActions(string? kind)
    {
        var other = new LinkInfo(3, "cbr0", kind, false, false, 1400);

        var plan = NetworkPlanner.Plan(Desired(), Observed(other, []));

        Assert.Empty(plan.Actions);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal(FindingSeverity.Conflict, finding.Severity);
        Assert.Contains("not a bridge", finding.Message, StringComparison.Ordinal);
        Assert.False(plan.InSync);
    }

    [Fact]
    public void Plan_InterfaceOfAnotherKindAndSysctlOff_StillFixesSysctl()
    {
        var other = new LinkInfo(3, "cbr0", "veth", true, true, 1500);

        var plan = NetworkPlanner.Plan(Desired(), Observed(other, [], forward: "0"));

        Assert.Equal([new SetSysctl("net.ipv4.ip_forward", "0", "1")], plan.Actions);
    }

    [Fact]
    public void Plan_SysctlDiffers_SetsIt()
    {
        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(), [Gateway], forward: "0"));

        Assert.Equal([new SetSysctl("net.ipv4.ip_forward", "0", "1")], plan.Actions);
    }

    [Fact]
    public void Plan_SysctlMissingOnKernel_Conflict()
    {
        var plan = NetworkPlanner.Plan(Desired(), Observed(Bridge(), [Gateway], forward: null));

        Assert.Empty(plan.Actions);
        Assert.Equal(FindingSeverity.Conflict, Assert.Single(plan.Findings).Severity);
    }

    [Fact]
    public void Plan_MultiValueSysctlWithTabs_ComparedByWords()
    {
        var desired = Desired(sysctls: [("net.ipv4.ip_local_port_range", "32768 60999")]);
        var observed = new NetworkObserved(Bridge(), [Gateway], [new("net.ipv4.ip_local_port_range", "32768\t60999")]);

        Assert.True(NetworkPlanner.Plan(desired, observed).InSync);
    }

    [Fact]
    public void Plan_SameInputs_SamePlan()
    {
        var observed = Observed(Bridge(up: false, mtu: 1400), [Prefix("10.216.0.3/24")], forward: "0");

        Assert.True(NetworkPlanner.Plan(Desired(), observed).Equivalent(NetworkPlanner.Plan(Desired(), observed)));
    }

    /// <summary>Every combination of bridge presence/state/MTU/address/sysctl: applying the plan to a model of the kernel converges in one pass.</summary>
    [Fact]
    public void Plan_EveryObservedCombination_OnePassConverges()
    {
        LinkInfo?[] links = [null, Bridge(), Bridge(up: false), Bridge(mtu: 9000), Bridge(up: false, mtu: 9000)];
        Ipv4Prefix[][] addressSets = [[], [Gateway], [Prefix("10.216.0.5/24")], [Gateway, Prefix("10.216.0.5/24")], [Prefix("10.216.0.1/16")]];
        string[] forwards = ["0", "1"];
        foreach (var removeStray in new[] { false, true })
        {
            foreach (var link in links)
            {
                foreach (var addresses in addressSets)
                {
                    foreach (var forward in forwards)
                    {
                        var desired = Desired(removeStray);
                        var observed = Observed(link, link is null ? [] : addresses, forward);
                        var after = ApplyToModel(observed, NetworkPlanner.Plan(desired, observed));
                        var second = NetworkPlanner.Plan(desired, after);
                        Assert.True(second.Actions.Count == 0, $"{link} {string.Join(",", addresses)} {forward}: {string.Join("; ", second.Actions)}");
                    }
                }
            }
        }
    }

    private static NetworkObserved ApplyToModel(NetworkObserved observed, Plan plan)
    {
        var link = observed.Link;
        var addresses = observed.Addresses.ToList();
        var sysctls = observed.Sysctls.ToDictionary(s => s.Key, s => s.Value);
        foreach (var action in plan.Actions)
        {
            switch (action)
            {
                case CreateBridge c:
                    link = new LinkInfo(9, c.Bridge, "bridge", false, false, c.Mtu);
                    break;
                case SetLinkUp:
                    link = link! with { AdminUp = true };
                    break;
                case SetMtu m:
                    link = link! with { Mtu = m.To };
                    break;
                case AddAddress a:
                    addresses.Add(a.Address);
                    break;
                case RemoveAddress r:
                    addresses.Remove(r.Address);
                    break;
                case SetSysctl s:
                    sysctls[s.Key] = s.To;
                    break;
            }
        }
        return new NetworkObserved(link, addresses, sysctls.ToList());
    }
}
