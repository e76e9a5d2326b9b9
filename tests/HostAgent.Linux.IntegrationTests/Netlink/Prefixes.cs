using System.Globalization;
using HostAgent.Core.Networking;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Netlink;

internal static class Prefixes
{
    /// <summary>"10.216.0.1/24" as an interface address (host bits allowed).</summary>
    public static Ipv4Prefix Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        Assert.True(Ipv4.TryParse(text[..slash], out var address), text);
        return new Ipv4Prefix(address, int.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
    }
}
