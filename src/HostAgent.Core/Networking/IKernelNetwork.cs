namespace HostAgent.Core.Networking;

/// <summary>
/// The kernel's links and IPv4 addresses, as the network component needs them.
/// Implemented over rtnetlink in HostAgent.Linux; every call is a synchronous request/acknowledge
/// round trip and throws <see cref="KernelNetworkException"/> when the kernel refuses.
/// </summary>
public interface IKernelNetwork
{
    LinkInfo? GetLink(string name);

    IReadOnlyList<Ipv4Prefix> GetAddresses(int ifIndex);

    /// <summary>Creates a bridge, administratively down, with the given MTU; returns its index.</summary>
    int CreateBridge(string name, int mtu);

    void SetLinkUp(int ifIndex);

    void SetMtu(int ifIndex, int mtu);

    void AddAddress(int ifIndex, Ipv4Prefix address);

    void DeleteAddress(int ifIndex, Ipv4Prefix address);
}
