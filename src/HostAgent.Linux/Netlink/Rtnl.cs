namespace HostAgent.Linux.Netlink;

/// <summary>Netlink and rtnetlink numbers from linux/netlink.h, linux/rtnetlink.h, linux/if_link.h and linux/if_addr.h.</summary>
internal static class Rtnl
{
    public const int HeaderLength = 16;
    public const int IfInfoLength = 16;
    public const int IfAddrLength = 8;
    public const int AttributeHeaderLength = 4;

    public const ushort MsgNoop = 1;
    public const ushort MsgError = 2;
    public const ushort MsgDone = 3;
    public const ushort MsgOverrun = 4;

    public const ushort NewLink = 16;
    public const ushort DelLink = 17;
    public const ushort GetLink = 18;
    public const ushort NewAddr = 20;
    public const ushort DelAddr = 21;
    public const ushort GetAddr = 22;

    public const ushort FlagRequest = 0x1;
    public const ushort FlagMulti = 0x2;
    public const ushort FlagAck = 0x4;
    public const ushort FlagDumpInterrupted = 0x10;
    public const ushort FlagDump = 0x300;
    public const ushort FlagExcl = 0x200;
    public const ushort FlagCreate = 0x400;

    // In NLMSG_ERROR: the request was not echoed back, and extended-ack attributes follow.
    public const ushort FlagCapped = 0x100;
    public const ushort FlagAckTlvs = 0x200;

    public const ushort ErrorAttrMessage = 1;

    public const byte AfUnspec = 0;
    public const byte AfInet = 2;

    public const uint GroupLink = 0x1;
    public const uint GroupIpv4Address = 0x10;

    public const uint IffUp = 0x1;
    public const byte OperUp = 6;

    public const ushort IflaIfname = 3;
    public const ushort IflaMtu = 4;
    public const ushort IflaOperstate = 16;
    public const ushort IflaLinkinfo = 18;
    public const ushort IflaExtMask = 29;
    public const uint ExtFilterSkipStats = 0x8;
    public const ushort IflaInfoKind = 1;

    public const ushort IfaAddress = 1;
    public const ushort IfaLocal = 2;
    public const ushort IfaBroadcast = 4;

    public const byte ScopeUniverse = 0;

    public const ushort AttributeNested = 0x8000;
    public const ushort AttributeTypeMask = 0x3fff;

    public static int Align(int length) => (length + 3) & ~3;
}
