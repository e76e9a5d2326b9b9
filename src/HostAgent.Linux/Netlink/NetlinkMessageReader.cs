using System.Buffers.Binary;

namespace HostAgent.Linux.Netlink;

/// <summary>Walks the netlink messages packed into one datagram.</summary>
internal ref struct NetlinkMessageReader(ReadOnlySpan<byte> datagram)
{
    private ReadOnlySpan<byte> _rest = datagram;

    /// <summary>Reads the next message; false at the end. Throws <see cref="InvalidDataException"/> on a malformed header.</summary>
    public bool TryRead(out NetlinkMessage message)
    {
        message = default;
        if (_rest.Length < Rtnl.HeaderLength)
        {
            if (_rest.Length != 0)
            {
                throw new InvalidDataException($"netlink datagram has {_rest.Length} trailing bytes, too few for a header");
            }
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(_rest);
        if (length < Rtnl.HeaderLength || length > _rest.Length)
        {
            throw new InvalidDataException($"netlink message length {length} does not fit the {_rest.Length} bytes left");
        }
        message = new NetlinkMessage(
            BinaryPrimitives.ReadUInt16LittleEndian(_rest[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(_rest[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(_rest[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(_rest[12..]),
            _rest[Rtnl.HeaderLength..(int)length]);
        var next = Math.Min(Rtnl.Align((int)length), _rest.Length);
        _rest = _rest[next..];
        return true;
    }
}
