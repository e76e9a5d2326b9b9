namespace HostAgent.Core.Networking;

/// <summary>What the kernel says about one network interface.</summary>
/// <param name="Kind">The rtnetlink link kind (IFLA_INFO_KIND), e.g. "bridge" or "veth"; null for a physical device or loopback.</param>
/// <param name="AdminUp">IFF_UP: the administrative state the agent controls.</param>
/// <param name="OperUp">The operational state; a bridge with no ports is admin-up but not oper-up.</param>
public sealed record LinkInfo(int Index, string Name, string? Kind, bool AdminUp, bool OperUp, int Mtu);
