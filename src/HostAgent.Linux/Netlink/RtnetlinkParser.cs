using System.Buffers.Binary;
using HostAgent.Core.Networking;

namespace HostAgent.Linux.Netlink;

/// <summary>Turns RTM_NEWLINK/RTM_DELLINK and RTM_NEWADDR/RTM_DELADDR payloads into the agent's records.</summary>
internal static class RtnetlinkParser
{
    public static LinkInfo ParseLink(ReadOnlySpan<byte> payload)
    {
        RequireLength(payload, Rtnl.IfInfoLength, "ifinfomsg");
        var index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(payload[8..]);
        string? name = null;
        string? kind = null;
        var mtu = 0;
        var operUp = false;
        var attributes = new RtAttributeReader(payload[Rtnl.IfInfoLength..]);
        while (attributes.TryRead(out var attribute))
        {
            switch (attribute.Type)
            {
                case Rtnl.IflaIfname:
                    name = attribute.AsString();
                    break;
                case Rtnl.IflaMtu:
                    mtu = (int)attribute.AsUInt32();
                    break;
                case Rtnl.IflaOperstate:
                    operUp = attribute.AsByte() == Rtnl.OperUp;
                    break;
                case Rtnl.IflaLinkinfo:
                    kind = ParseKind(attribute.Value);
                    break;
                default:
                    break;
            }
        }
        return new LinkInfo(index, name ?? throw new InvalidDataException($"link {index} has no IFLA_IFNAME"), kind, (flags & Rtnl.IffUp) != 0, operUp, mtu);
    }

    /// <summary>The interface index and name of a link message, for notifications that may carry few attributes.</summary>
    public static (int Index, string? Name) ParseLinkIdentity(ReadOnlySpan<byte> payload)
    {
        RequireLength(payload, Rtnl.IfInfoLength, "ifinfomsg");
        var index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var attributes = new RtAttributeReader(payload[Rtnl.IfInfoLength..]);
        while (attributes.TryRead(out var attribute))
        {
            if (attribute.Type == Rtnl.IflaIfname)
            {
                return (index, attribute.AsString());
            }
        }
        return (index, null);
    }

    /// <summary>Reads an address message; false for families other than AF_INET.</summary>
    public static bool TryParseAddress(ReadOnlySpan<byte> payload, out int ifIndex, out Ipv4Prefix address)
    {
        RequireLength(payload, Rtnl.IfAddrLength, "ifaddrmsg");
        ifIndex = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        address = default;
        if (payload[0] != Rtnl.AfInet)
        {
            return false;
        }
        var prefixLength = payload[1];
        uint? local = null;
        uint? peer = null;
        var attributes = new RtAttributeReader(payload[Rtnl.IfAddrLength..]);
        while (attributes.TryRead(out var attribute))
        {
            if (attribute.Type == Rtnl.IfaLocal)
            {
                local = attribute.AsIpv4();
            }
            else if (attribute.Type == Rtnl.IfaAddress)
            {
                peer = attribute.AsIpv4();
            }
        }
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS differs from it only on point-to-point links.
        var value = local ?? peer ?? throw new InvalidDataException($"IPv4 address message for ifindex {ifIndex} has neither IFA_LOCAL nor IFA_ADDRESS");
        address = new Ipv4Prefix(value, prefixLength);
        return true;
    }

    /// <summary>Parses NLMSG_ERROR: the negated errno (0 for an ACK) and the kernel's extended-ack text, if any.</summary>
    public static (int Error, string? Detail) ParseError(NetlinkMessage message)
    {
        var payload = message.Payload;
        RequireLength(payload, 4 + Rtnl.HeaderLength, "nlmsgerr");
        var error = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if ((message.Flags & Rtnl.FlagAckTlvs) == 0)
        {
            return (error, null);
        }
        var attributesStart = 4 + Rtnl.HeaderLength;
        if ((message.Flags & Rtnl.FlagCapped) == 0)
        {
            attributesStart = 4 + Rtnl.Align((int)BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]));
        }
        if (attributesStart > payload.Length)
        {
            return (error, null);
        }
        var attributes = new RtAttributeReader(payload[attributesStart..]);
        while (attributes.TryRead(out var attribute))
        {
            if (attribute.Type == Rtnl.ErrorAttrMessage)
            {
                var text = attribute.AsString();
                return (error, text.Length == 0 ? null : text);
            }
        }
        return (error, null);
    }

    private static string? ParseKind(ReadOnlySpan<byte> linkInfo)
    {
        var attributes = new RtAttributeReader(linkInfo);
        while (attributes.TryRead(out var attribute))
        {
            if (attribute.Type == Rtnl.IflaInfoKind)
            {
                return attribute.AsString();
            }
        }
        return null;
    }

    private static void RequireLength(ReadOnlySpan<byte> payload, int length, string what)
    {
        if (payload.Length < length)
        {
            throw new InvalidDataException($"{what} needs {length} bytes, the message has {payload.Length}");
        }
    }
}
