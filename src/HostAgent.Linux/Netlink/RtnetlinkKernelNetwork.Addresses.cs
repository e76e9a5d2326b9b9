using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Netlink;

/// <summary>IPv4 addresses: list, add, delete.</summary>
public sealed partial class RtnetlinkKernelNetwork
{
    private const int DumpAttempts = 3;

    /// <summary>
    /// The link's IPv4 addresses. An unknown index is refused with ENODEV (kernel strict checking, Linux 4.20+);
    /// a kernel without strict checking answers with an empty list instead.
    /// </summary>
    public IReadOnlyList<Ipv4Prefix> GetAddresses(int ifIndex)
    {
        ValidateIndex(ifIndex);
        var operation = $"list addresses of ifindex {ifIndex}";
        var addresses = new List<Ipv4Prefix>();
        lock (_gate)
        {
            for (var attempt = 0; attempt < DumpAttempts; attempt++)
            {
                addresses.Clear();
                var sequence = Begin(Rtnl.GetAddr, Rtnl.FlagDump);
                _request.WriteIfAddr(Rtnl.AfInet, 0, 0, ifIndex);
                var interrupted = Exchange(sequence, Rtnl.FlagDump, operation, message =>
                {
                    // The kernel filters by index only under strict checking; filter here too for kernels without it.
                    if (message.Type == Rtnl.NewAddr
                        && RtnetlinkParser.TryParseAddress(message.Payload, out var index, out var address)
                        && index == ifIndex)
                    {
                        addresses.Add(address);
                    }
                });
                if (!interrupted)
                {
                    return addresses;
                }
            }
        }
        throw new KernelNetworkException($"{operation}: the dump was interrupted by concurrent changes {DumpAttempts} times", Errno.EINTR);
    }

    public void AddAddress(int ifIndex, Ipv4Prefix address)
    {
        ValidateIndex(ifIndex);
        ValidatePrefix(address);
        lock (_gate)
        {
            const ushort flags = Rtnl.FlagAck | Rtnl.FlagCreate | Rtnl.FlagExcl;
            var sequence = Begin(Rtnl.NewAddr, flags);
            _request.WriteIfAddr(Rtnl.AfInet, (byte)address.PrefixLength, Rtnl.ScopeUniverse, ifIndex);
            _request.AddIpv4(Rtnl.IfaLocal, address.Address);
            _request.AddIpv4(Rtnl.IfaAddress, address.Address);
            // As `ip addr add A/N brd +`: /31 and /32 have no broadcast address.
            if (address.PrefixLength <= 30)
            {
                _request.AddIpv4(Rtnl.IfaBroadcast, address.Network.Broadcast);
            }
            Exchange(sequence, flags, $"add address {address} on ifindex {ifIndex}");
        }
    }

    public void DeleteAddress(int ifIndex, Ipv4Prefix address)
    {
        ValidateIndex(ifIndex);
        ValidatePrefix(address);
        lock (_gate)
        {
            var sequence = Begin(Rtnl.DelAddr, Rtnl.FlagAck);
            _request.WriteIfAddr(Rtnl.AfInet, (byte)address.PrefixLength, Rtnl.ScopeUniverse, ifIndex);
            _request.AddIpv4(Rtnl.IfaLocal, address.Address);
            // Without IFA_ADDRESS the kernel ignores the prefix length and would delete 10.0.0.1/16 for 10.0.0.1/24.
            _request.AddIpv4(Rtnl.IfaAddress, address.Address);
            Exchange(sequence, Rtnl.FlagAck, $"delete address {address} on ifindex {ifIndex}");
        }
    }

    private static void ValidatePrefix(Ipv4Prefix address)
    {
        if (address.PrefixLength is < 0 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address.PrefixLength, "prefix length must be 0 to 32");
        }
    }
}
