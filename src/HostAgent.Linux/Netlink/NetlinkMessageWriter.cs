using System.Buffers.Binary;
using System.Text;

namespace HostAgent.Linux.Netlink;

/// <summary>Builds one netlink request: header, family struct, then 4-byte aligned attributes.</summary>
internal sealed class NetlinkMessageWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, _length);

    public void Begin(ushort type, ushort flags, uint sequence)
    {
        _length = 0;
        var header = Reserve(Rtnl.HeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], sequence);
        // Port id 0 asks the kernel to fill in this socket's own.
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        UpdateLength();
    }

    public void WriteIfInfo(byte family, int index, uint flags, uint change)
    {
        var body = Reserve(Rtnl.IfInfoLength);
        body[0] = family;
        BinaryPrimitives.WriteInt32LittleEndian(body[4..], index);
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(body[12..], change);
        UpdateLength();
    }

    public void WriteIfAddr(byte family, byte prefixLength, byte scope, int index)
    {
        var body = Reserve(Rtnl.IfAddrLength);
        body[0] = family;
        body[1] = prefixLength;
        body[3] = scope;
        BinaryPrimitives.WriteInt32LittleEndian(body[4..], index);
        UpdateLength();
    }

    public void AddAttribute(ushort type, ReadOnlySpan<byte> value)
    {
        var attribute = Reserve(Rtnl.Align(Rtnl.AttributeHeaderLength + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)(Rtnl.AttributeHeaderLength + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(attribute[2..], type);
        value.CopyTo(attribute[Rtnl.AttributeHeaderLength..]);
        UpdateLength();
    }

    public void AddUInt32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        AddAttribute(type, bytes);
    }

    /// <summary>An IPv4 address in network byte order, from a host-order integer.</summary>
    public void AddIpv4(ushort type, uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        AddAttribute(type, bytes);
    }

    /// <summary>A NUL-terminated string, as the kernel's NLA_STRING and NLA_NUL_STRING policies accept.</summary>
    public void AddString(ushort type, string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        AddAttribute(type, bytes);
    }

    /// <summary>Opens a nested attribute; pass the result to <see cref="EndNested"/> after adding its children.</summary>
    public int BeginNested(ushort type)
    {
        var start = _length;
        var attribute = Reserve(Rtnl.AttributeHeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute[2..], (ushort)(type | Rtnl.AttributeNested));
        UpdateLength();
        return start;
    }

    public void EndNested(int start) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start), checked((ushort)(_length - start)));

    private Span<byte> Reserve(int length)
    {
        if (_length + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + length));
        }
        var span = _buffer.AsSpan(_length, length);
        span.Clear();
        _length += length;
        return span;
    }

    private void UpdateLength() => BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)_length);
}
