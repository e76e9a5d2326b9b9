using System.Globalization;

namespace HostAgent.TestLab.Syslog;

/// <summary>
/// Two network namespaces joined by a veth pair, 10.77.0.1/24 (the first, e.g. a central log server) and
/// 10.77.0.2/24 (the second, e.g. a node): addresses that exist only inside them. Dispose removes both.
/// </summary>
public sealed class NamespacePair : IDisposable
{
    public const string FirstAddress = "10.77.0.1";
    public const string SecondAddress = "10.77.0.2";

    public NamespacePair()
    {
        First = new TestNetns();
        try
        {
            Second = new TestNetns();
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var firstLink = $"va{suffix}";
            var secondLink = $"vb{suffix}";
            Cmd.Check("ip", "link", "add", firstLink, "type", "veth", "peer", "name", secondLink);
            Cmd.Check("ip", "link", "set", firstLink, "netns", First.Name);
            Cmd.Check("ip", "link", "set", secondLink, "netns", Second.Name);
            First.Ip("addr", "add", FirstAddress + "/24", "dev", firstLink);
            Second.Ip("addr", "add", SecondAddress + "/24", "dev", secondLink);
            First.Ip("link", "set", firstLink, "up");
            Second.Ip("link", "set", secondLink, "up");
        }
        catch
        {
            Second?.Dispose();
            First.Dispose();
            throw;
        }
    }

    public TestNetns First { get; }

    public TestNetns Second { get; } = null!;

    public void Dispose()
    {
        // Deleting a namespace deletes its end of the veth, and with it the peer.
        Second.Dispose();
        First.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First.Name} ({FirstAddress}) <-> {Second.Name} ({SecondAddress})");
}
