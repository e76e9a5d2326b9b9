using System.Runtime.InteropServices;

namespace HostAgent.Linux.Interop;

/// <summary>struct sockaddr_nl: a netlink endpoint; PortId 0 is the kernel.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrNl
{
    public ushort Family;
    public ushort Padding;
    public uint PortId;
    public uint Groups;
}
