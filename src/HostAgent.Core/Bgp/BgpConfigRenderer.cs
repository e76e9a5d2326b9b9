using System.Globalization;
using System.Text;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>
/// Settings to daemon config text, pure. The FRR output is exactly what FRR prints in its running config
/// for the same objects (order, spacing, names), so a daemon that runs it shows no difference.
/// </summary>
public static partial class BgpConfigRenderer
{
    /// <summary>The first line of every rendered file: whoever opens it learns who owns it.</summary>
    public const string Header = "! Written by hostagent from its bgp settings; changes made here are replaced.";

    public static string Render(BgpDesired desired) =>
        desired.Flavor == BgpFlavor.Quagga ? RenderQuagga(desired) : RenderFrr(desired);

    /// <summary>The prefix list entries, numbered 5, 10, 15... as the daemons number them by default.</summary>
    internal static IEnumerable<string> PrefixListLines(BgpDesired desired) =>
        desired.Prefixes.Select((prefix, i) =>
            string.Create(CultureInfo.InvariantCulture, $"ip prefix-list {BgpPolicy.AnnouncePrefixList} seq {(i + 1) * 5} permit {prefix}"));

    internal static string? CommunityLine(BgpDesired desired) =>
        desired.Communities.Count == 0
            ? null
            : "set community " + string.Join(' ', desired.Communities.Select(c => BgpCommunity.Format(c, desired.Flavor)));

    internal static string RestartTimeLine(BgpDesired desired) =>
        string.Create(CultureInfo.InvariantCulture, $"bgp graceful-restart restart-time {desired.RestartTimeSeconds}");

    /// <summary>The daemons leave the default restart time out of their running config, so it is rendered only when it differs.</summary>
    internal static bool RendersRestartTime(BgpDesired desired) =>
        desired.GracefulRestart && desired.RestartTimeSeconds != (int)BgpSettings.DefaultGracefulRestartTime.TotalSeconds;

    private static void Line(StringBuilder text, int depth, string line) =>
        text.Append(' ', depth).Append(line).Append('\n');

    private static string RouterLine(BgpDesired desired) =>
        string.Create(CultureInfo.InvariantCulture, $"router bgp {desired.LocalAsn}");

    private static string RouterIdLine(BgpDesired desired) => $"bgp router-id {Ipv4.ToString(desired.RouterId)}";

    private static string RemoteAsLine(BgpNeighbor neighbor) =>
        string.Create(CultureInfo.InvariantCulture, $"neighbor {neighbor.Address} remote-as {neighbor.RemoteAsn}");
}
