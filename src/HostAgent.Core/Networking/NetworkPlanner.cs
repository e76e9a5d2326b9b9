using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Networking;

/// <summary>The pure heart of the network component: desired + observed in, ordered actions out.</summary>
public static class NetworkPlanner
{
    public const string BridgeKind = "bridge";

    public static Plan Plan(NetworkDesired desired, NetworkObserved observed)
    {
        var actions = new List<PlannedAction>();
        var findings = new List<Finding>();
        PlanBridge(desired, observed, actions, findings);
        PlanSysctls(desired, observed, actions, findings);
        return new Plan(actions, findings);
    }

    private static void PlanBridge(NetworkDesired desired, NetworkObserved observed, List<PlannedAction> actions, List<Finding> findings)
    {
        var link = observed.Link;
        if (link is null)
        {
            actions.Add(new CreateBridge(desired.Bridge, desired.Mtu));
            actions.Add(new SetLinkUp(desired.Bridge));
            actions.Add(new AddAddress(desired.Bridge, desired.Gateway));
            return;
        }
        if (link.Kind != BridgeKind)
        {
            // Someone else's interface: never changed or deleted, whatever it is.
            findings.Add(new Finding(
                FindingSeverity.Conflict,
                $"interface {link.Name} exists but is {DescribeKind(link.Kind)}, not a bridge: left untouched"));
            return;
        }
        if (link.Mtu != desired.Mtu)
        {
            actions.Add(new SetMtu(desired.Bridge, link.Mtu, desired.Mtu));
        }
        if (!link.AdminUp)
        {
            actions.Add(new SetLinkUp(desired.Bridge));
        }
        if (!observed.Addresses.Contains(desired.Gateway))
        {
            actions.Add(new AddAddress(desired.Bridge, desired.Gateway));
        }
        // Strays are removed only after the gateway is in place, so pods never lose their gateway.
        foreach (var address in observed.Addresses.Where(a => a != desired.Gateway && desired.PodCidr.Contains(a.Address)).Order(AddressOrder.Instance))
        {
            if (desired.RemoveStrayAddresses)
            {
                actions.Add(new RemoveAddress(desired.Bridge, address));
            }
            else
            {
                findings.Add(new Finding(
                    FindingSeverity.Notice,
                    $"address {address} on {desired.Bridge} is inside the pod CIDR {desired.PodCidr} but is not the gateway {desired.Gateway}: reported, not removed (network.removeStrayAddresses is false)"));
            }
        }
    }

    private static void PlanSysctls(NetworkDesired desired, NetworkObserved observed, List<PlannedAction> actions, List<Finding> findings)
    {
        foreach (var (key, value) in desired.Sysctls)
        {
            var current = observed.Sysctls.FirstOrDefault(s => s.Key == key);
            if (current.Key is null || current.Value is null)
            {
                findings.Add(new Finding(FindingSeverity.Conflict, $"sysctl {key} does not exist on this kernel"));
            }
            else if (Normalize(current.Value) != Normalize(value))
            {
                actions.Add(new SetSysctl(key, current.Value, value));
            }
        }
    }

    /// <summary>The kernel prints multi-value sysctls with tabs; compare values as whitespace-separated words.</summary>
    internal static string Normalize(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string DescribeKind(string? kind) => kind is null ? "a device without a link kind" : $"of kind {kind}";

    private sealed class AddressOrder : IComparer<Ipv4Prefix>
    {
        public static AddressOrder Instance { get; } = new();

        public int Compare(Ipv4Prefix x, Ipv4Prefix y) =>
            x.Address != y.Address ? x.Address.CompareTo(y.Address) : x.PrefixLength.CompareTo(y.PrefixLength);
    }
}
