namespace HostAgent.Core.Networking;

/// <summary>An interface address with its prefix length, e.g. 10.216.0.1/24 (host bits may be set).</summary>
public readonly record struct Ipv4Prefix(uint Address, int PrefixLength)
{
    public Ipv4Cidr Network => new(Address & Ipv4Cidr.Mask(PrefixLength), PrefixLength);

    public override string ToString() => $"{Ipv4.ToString(Address)}/{PrefixLength}";
}
