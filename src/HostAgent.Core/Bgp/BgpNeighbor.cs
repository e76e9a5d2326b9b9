namespace HostAgent.Core.Bgp;

/// <summary>A peer as rendered: the settings with the address as the daemon prints it.</summary>
public sealed record BgpNeighbor(string Address, uint RemoteAsn, string? Description, string? Password, bool Bfd)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"{Address} AS{RemoteAsn}";
}
