namespace HostAgent.Core.Configuration;

/// <summary>One BGP peer of the node, usually a top-of-rack switch.</summary>
/// <param name="Address">The peer's IPv4 address in host byte order.</param>
/// <param name="Password">TCP MD5 password; null for none.</param>
/// <param name="Description">Free text shown by the daemon and in status; null for none.</param>
public sealed record BgpNeighborSettings(uint Address, uint RemoteAsn, string? Password, string? Description, bool Bfd)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() =>
        $"{Networking.Ipv4.ToString(Address)} AS{RemoteAsn}{(Description is null ? "" : $" ({Description})")}{(Password is null ? "" : ", password set")}{(Bfd ? ", bfd" : "")}";
}
