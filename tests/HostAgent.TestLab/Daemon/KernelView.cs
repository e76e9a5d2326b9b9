using System.Text.Json;


namespace HostAgent.TestLab.Daemon;

/// <summary>What `ip -j` says about a link, read independently of the agent's own netlink code.</summary>
public sealed record KernelView(bool Exists, string? Kind, bool Up, int Mtu, IReadOnlyList<string> Addresses)
{
    public static KernelView Of(TestNetns netns, string link)
    {
        var shown = netns.TryIp("-j", "-d", "addr", "show", "dev", link);
        if (!shown.Succeeded)
        {
            return new KernelView(false, null, false, 0, []);
        }
        using var document = JsonDocument.Parse(shown.StdOut);
        var entry = document.RootElement[0];
        var kind = entry.TryGetProperty("linkinfo", out var info) && info.TryGetProperty("info_kind", out var k) ? k.GetString() : null;
        var up = entry.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "UP");
        var addresses = entry.GetProperty("addr_info").EnumerateArray()
            .Where(a => a.GetProperty("family").GetString() == "inet")
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")
            .ToList();
        return new KernelView(true, kind, up, entry.GetProperty("mtu").GetInt32(), addresses);
    }

    public static string Sysctl(TestNetns netns, string path) =>
        netns.Exec("cat", "/proc/sys/" + path.Replace('.', '/')).StdOut.Trim();
}
