using System.Buffers.Binary;

namespace HostAgent.Linux.Netlink;

/// <summary>Walks a run of rtattrs, such as what follows an ifinfomsg or the inside of a nested attribute.</summary>
internal ref struct RtAttributeReader(ReadOnlySpan<byte> attributes)
{
    private ReadOnlySpan<byte> _rest = attributes;

    public bool TryRead(out RtAttribute attribute)
    {
        attribute = default;
        if (_rest.Length < Rtnl.AttributeHeaderLength)
        {
            return false;
        }
        var length = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
        if (length < Rtnl.AttributeHeaderLength || length > _rest.Length)
        {
            throw new InvalidDataException($"attribute length {length} does not fit the {_rest.Length} bytes left");
        }
        var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(_rest[2..]) & Rtnl.AttributeTypeMask);
        attribute = new RtAttribute(type, _rest[Rtnl.AttributeHeaderLength..length]);
        _rest = _rest[Math.Min(Rtnl.Align(length), _rest.Length)..];
        return true;
    }
}
