using System.Buffers.Binary;
using System.Text;

namespace HostAgent.Linux.Netlink;

/// <summary>One rtattr: its type (flag bits removed) and value.</summary>
internal readonly ref struct RtAttribute(ushort type, ReadOnlySpan<byte> value)
{
    public ushort Type { get; } = type;

    public ReadOnlySpan<byte> Value { get; } = value;

    public uint AsUInt32() => Value.Length >= 4
        ? BinaryPrimitives.ReadUInt32LittleEndian(Value)
        : throw new InvalidDataException($"attribute {Type} has {Value.Length} bytes, expected 4");

    public byte AsByte() => Value.Length >= 1
        ? Value[0]
        : throw new InvalidDataException($"attribute {Type} is empty, expected 1 byte");

    /// <summary>An IPv4 address carried in network byte order, as a host-order integer.</summary>
    public uint AsIpv4() => Value.Length == 4
        ? BinaryPrimitives.ReadUInt32BigEndian(Value)
        : throw new InvalidDataException($"attribute {Type} has {Value.Length} bytes, expected an IPv4 address");

    /// <summary>A C string; the kernel includes the NUL, which is dropped.</summary>
    public string AsString()
    {
        var end = Value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? Value : Value[..end]);
    }
}
