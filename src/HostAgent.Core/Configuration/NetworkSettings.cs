using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>The "network" section: the pod bridge, its gateway address and the sysctls.</summary>
public sealed record NetworkSettings
{
    public const string DefaultBridge = "cbr0";
    public const int DefaultMtu = 1500;

    public required Ipv4Cidr PodCidr { get; init; }

    public string Bridge { get; init; } = DefaultBridge;

    /// <summary>The bridge's address and every pod's default gateway; defaults to the first host of the CIDR.</summary>
    public required uint Gateway { get; init; }

    public int Mtu { get; init; } = DefaultMtu;

    /// <summary>Per-component observe-only switch (see <see cref="AgentSettings.ObserveOnly"/>).</summary>
    public bool ObserveOnly { get; init; }

    /// <summary>When true, other addresses inside the pod CIDR on the bridge are removed, not just reported.</summary>
    public bool RemoveStrayAddresses { get; init; }

    /// <summary>Sysctls to enforce, by name; ordered by name so plans are stable.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sysctls { get; init; } = DefaultSysctls;

    public static IReadOnlyList<KeyValuePair<string, string>> DefaultSysctls { get; } =
        [new("net.ipv4.ip_forward", "1")];

    public Ipv4Prefix GatewayPrefix => new(Gateway, PodCidr.PrefixLength);
}
