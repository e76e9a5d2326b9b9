using System.Globalization;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Networking;

/// <summary>Desired and observed network state as name/value fields for status output.</summary>
public static class NetworkStateFields
{
    public static IReadOnlyList<StateField> Describe(NetworkDesired desired)
    {
        var fields = new List<StateField>
        {
            new("bridge", desired.Bridge),
            new("kind", NetworkPlanner.BridgeKind),
            new("state", "up"),
            new("mtu", desired.Mtu.ToString(CultureInfo.InvariantCulture)),
            new("gateway", desired.Gateway.ToString()),
            new("podCidr", desired.PodCidr.ToString()),
        };
        fields.AddRange(desired.Sysctls.Select(s => new StateField($"sysctl {s.Key}", s.Value)));
        return fields;
    }

    public static IReadOnlyList<StateField> Describe(NetworkObserved observed, NetworkDesired desired)
    {
        var link = observed.Link;
        var fields = new List<StateField> { new("bridge", link is null ? $"{desired.Bridge} (absent)" : $"{link.Name} (index {link.Index})") };
        if (link is not null)
        {
            fields.Add(new("kind", link.Kind ?? "(none)"));
            fields.Add(new("state", (link.AdminUp ? "up" : "down") + (link.OperUp ? ", carrier" : ", no carrier")));
            fields.Add(new("mtu", link.Mtu.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new("addresses", observed.Addresses.Count == 0 ? "(none)" : string.Join(", ", observed.Addresses)));
        }
        fields.AddRange(observed.Sysctls.Select(s => new StateField($"sysctl {s.Key}", s.Value ?? "(missing)")));
        return fields;
    }
}
