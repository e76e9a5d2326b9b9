using HostAgent.Core.Configuration;

namespace HostAgent.Core.Networking;

/// <summary>What the network component must make true; a pure function of the config.</summary>
public sealed record NetworkDesired(
    string Bridge,
    int Mtu,
    Ipv4Cidr PodCidr,
    Ipv4Prefix Gateway,
    bool RemoveStrayAddresses,
    IReadOnlyList<KeyValuePair<string, string>> Sysctls)
{
    public static NetworkDesired From(NetworkSettings settings) => new(
        settings.Bridge,
        settings.Mtu,
        settings.PodCidr,
        settings.GatewayPrefix,
        settings.RemoveStrayAddresses,
        settings.Sysctls);
}
