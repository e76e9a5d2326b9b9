using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace HostAgent.Core.Networking;

/// <summary>An IPv4 network: address and prefix length, host bits zero.</summary>
public readonly record struct Ipv4Cidr
{
    public Ipv4Cidr(uint network, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        if ((network & ~Mask(prefixLength)) != 0)
        {
            throw new ArgumentException("host bits must be zero", nameof(network));
        }
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The network address in host byte order.</summary>
    public uint Network { get; }

    public int PrefixLength { get; }

    public uint Broadcast => Network | ~Mask(PrefixLength);

    /// <summary>The first usable host address: the conventional gateway.</summary>
    public uint FirstHost => PrefixLength >= 31 ? Network : Network + 1;

    public bool Contains(uint address) => (address & Mask(PrefixLength)) == Network;

    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && Contains(Ipv4.ToUInt32(address));

    public static uint Mask(int prefixLength) =>
        prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    /// <summary>Parses "a.b.c.d/n"; on failure <paramref name="error"/> says which rule failed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Ipv4Cidr? cidr, [NotNullWhen(false)] out string? error)
    {
        cidr = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "must be an IPv4 CIDR such as 10.216.0.0/24";
            return false;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = "must be an IPv4 CIDR with a prefix length, such as 10.216.0.0/24";
            return false;
        }
        if (!Ipv4.TryParse(text[..slash], out var address))
        {
            error = "must be an IPv4 CIDR such as 10.216.0.0/24 (the address part is not a dotted-quad IPv4 address)";
            return false;
        }
        var lengthText = text[(slash + 1)..];
        if (lengthText.Length is 0 or > 2 || !lengthText.All(char.IsAsciiDigit) || int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture) > 32)
        {
            error = "prefix length must be a number from 0 to 32";
            return false;
        }
        var length = int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
        if ((address & ~Mask(length)) != 0)
        {
            var network = Ipv4.ToString(address & Mask(length));
            error = $"host bits must be zero (did you mean {network}/{length}?)";
            return false;
        }
        cidr = new Ipv4Cidr(address, length);
        error = null;
        return true;
    }

    public static Ipv4Cidr Parse(string text) =>
        TryParse(text, out var cidr, out var error) ? cidr.Value : throw new FormatException($"{text}: {error}");

    public override string ToString() => $"{Ipv4.ToString(Network)}/{PrefixLength}";
}

/// <summary>IPv4 address helpers over host-byte-order integers.</summary>
public static class Ipv4
{
    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException("not an IPv4 address", nameof(address));
        }
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress ToAddress(uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPAddress(bytes);
    }

    public static string ToString(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xff}.{(address >> 8) & 0xff}.{address & 0xff}";

    /// <summary>Strict dotted-quad parsing: four decimal parts 0-255, no shorthand forms.</summary>
    public static bool TryParse(string? text, out uint address)
    {
        address = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }
            var value = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }
            address = (address << 8) | (uint)value;
        }
        return true;
    }
}
