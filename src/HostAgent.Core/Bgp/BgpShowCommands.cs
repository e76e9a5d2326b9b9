using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Bgp;

/// <summary>
/// The show commands of one observation, on one vty connection: the running config, the sessions, whether each
/// prefix is in the node's own table, and what each neighbor is sent. JSON on FRR, text on Quagga.
/// </summary>
public sealed record BgpShowCommands(BgpFlavor Flavor, IReadOnlyList<Ipv4Cidr> Prefixes, IReadOnlyList<string> Neighbors)
{
    public const string RunningConfig = "show running-config";

    public string Summary => Flavor == BgpFlavor.Frr ? "show bgp ipv4 unicast summary json" : "show ip bgp summary";

    public string Route(Ipv4Cidr prefix) => Flavor == BgpFlavor.Frr ? $"show bgp ipv4 unicast {prefix} json" : $"show ip bgp {prefix}";

    public string Advertised(string neighbor) =>
        Flavor == BgpFlavor.Frr ? $"show bgp ipv4 unicast neighbors {neighbor} advertised-routes json" : $"show ip bgp neighbors {neighbor} advertised-routes";

    public IReadOnlyList<string> All => [RunningConfig, Summary, .. Prefixes.Select(Route), .. Neighbors.Select(Advertised)];

    /// <summary>Reads the outputs of <see cref="All"/>, in that order.</summary>
    public BgpShowResult Read(IReadOnlyList<string?> outputs)
    {
        string Output(int index) => outputs[index] ?? throw new BgpDaemonException($"bgpd went away before \"{All[index]}\"");
        var frr = Flavor == BgpFlavor.Frr;
        var running = Output(0);
        var sessions = frr ? BgpShowParser.ParseSummaryJson(Output(1)) : BgpShowParser.ParseSummaryText(Output(1));
        var local = new List<Ipv4Cidr>();
        for (var i = 0; i < Prefixes.Count; i++)
        {
            var text = Output(2 + i);
            if (frr ? BgpShowParser.IsLocalRouteJson(text) : BgpShowParser.IsLocalRouteText(text))
            {
                local.Add(Prefixes[i]);
            }
        }
        var advertised = new Dictionary<string, IReadOnlyList<Ipv4Cidr>>(StringComparer.Ordinal);
        for (var i = 0; i < Neighbors.Count; i++)
        {
            var text = Output(2 + Prefixes.Count + i);
            advertised[Neighbors[i]] = frr ? BgpShowParser.ParseAdvertisedJson(text) : BgpShowParser.ParseAdvertisedText(text);
        }
        return new BgpShowResult(running, sessions, local, advertised);
    }
}
