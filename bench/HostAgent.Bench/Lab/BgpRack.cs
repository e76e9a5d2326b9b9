using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Linux.Bgp;

namespace HostAgent.Bench.Lab;

/// <summary>
/// A fresh node and its top-of-rack switch, each a bench node (namespace) with its own FRR folder (owned by
/// frr:frr) and zebra, joined by a veth pair created inside the namespaces: node 192.168.77.2 (AS 65101, uplink
/// <see cref="Uplink"/>) and ToR 192.168.77.1 (AS 65000, the config of the integration tests' BGP lab, logging
/// session changes with microseconds). The ToR's bgpd runs; the node's does not: the agent, or the benchmark,
/// starts it. Disposing stops everything in both namespaces and removes them.
/// </summary>
internal sealed class BgpRack : IAsyncDisposable
{
    public const string Bgpd = "/usr/lib/frr/bgpd";
    public const string Zebra = "/usr/lib/frr/zebra";
    public const string Vtysh = "/usr/bin/vtysh";
    public const string NodeAddress = "192.168.77.2";
    public const string TorAddress = "192.168.77.1";
    public const string PodNetwork = "10.216.0.0";
    public const int PodPrefixLength = 24;
    public const uint NodeAsn = 65101;
    public const uint TorAsn = 65000;
    public const string Uplink = "uplink";
    public const string Bridge = "cbr0";

    private const string TorPort = "swp1";
    private static readonly TimeSpan DaemonStartTimeout = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly VtyBgpDaemon _daemon = new(TimeProvider.System);
    private BgpTooling? _torTooling;

    private BgpRack(BenchNode node, BenchNode tor)
    {
        Node = node;
        Tor = tor;
        NodeFrr = Path.Combine(node.Directory, "frr");
        TorFrr = Path.Combine(tor.Directory, "frr");
    }

    public BenchNode Node { get; }

    public BenchNode Tor { get; }

    /// <summary>The node's FRR folder: zebra's sockets, bgpd's config, pid file and vty socket.</summary>
    public string NodeFrr { get; }

    public string TorFrr { get; }

    public string NodeConfigFile => Path.Combine(NodeFrr, "frr.conf");

    public string NodePidFile => Path.Combine(NodeFrr, "bgpd.pid");

    public string TorLogFile => Path.Combine(TorFrr, "bgpd.log");

    /// <summary>The ToR: accepts the node's routes (no policy needed), 1 s keepalive, 3 s hold, retries every second.</summary>
    public string TorConfig => $"""
        frr defaults traditional
        hostname tor
        log file {TorLogFile}
        log timestamp precision 6
        router bgp {TorAsn}
         bgp router-id {TorAddress}
         bgp log-neighbor-changes
         no bgp ebgp-requires-policy
         timers bgp 1 3
         neighbor {NodeAddress} remote-as {NodeAsn}
         neighbor {NodeAddress} timers connect 1

        """;

    public static async Task<BgpRack> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        var node = await BenchNode.CreateAsync(prefix).ConfigureAwait(false);
        BenchNode? tor = null;
        try
        {
            tor = await BenchNode.CreateAsync(prefix).ConfigureAwait(false);
            var rack = new BgpRack(node, tor);
            await rack.SetUpAsync(cancellationToken).ConfigureAwait(false);
            return rack;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            if (tor is not null)
            {
                await tor.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
    }

    /// <summary>The node's bgpd command line, as the agent's <c>bgp.startCommand</c> (detached) or for the benchmark to run in the foreground.</summary>
    public IReadOnlyList<string> NodeBgpdCommand(bool detach) =>
    [
        Bgpd, .. detach ? new[] { "-d" } : [], "-f", NodeConfigFile, "-i", NodePidFile, "-z", Path.Combine(NodeFrr, "zserv.api"),
        "--vty_socket", NodeFrr, "-u", "frr", "-g", "frr", "-p", "179",
    ];

    /// <summary>The agent's config: the pod network on a bridge it creates, and BGP with the ToR as neighbor; bgpd started by the agent.</summary>
    public string WriteAgentConfig()
    {
        var path = Path.Combine(Node.Directory, "hostagent.json");
        var start = JsonSerializer.Serialize(NodeBgpdCommand(detach: true).ToArray(), JsonOptions);
        File.WriteAllText(path, $$"""
            {
              "agent": {
                "grpcSocket": {{Json(Node.SocketPath)}},
                "resyncInterval": "1h",
                "metricsListen": "127.0.0.1:{{BenchNode.AgentMetricsPort}}"
              },
              "network": { "podCidr": "{{PodNetwork}}/{{PodPrefixLength}}", "bridge": "{{Bridge}}" },
              "bgp": {
                "flavor": "frr",
                "localAsn": {{NodeAsn}},
                "routerIdInterface": "{{Uplink}}",
                "neighbors": [{ "address": "{{TorAddress}}", "remoteAsn": {{TorAsn}}, "description": "tor" }],
                "configFile": {{Json(NodeConfigFile)}},
                "vtySocketDir": {{Json(NodeFrr)}},
                "pidFile": {{Json(NodePidFile)}},
                "drainStateFile": {{Json(Path.Combine(NodeFrr, "drain.json"))}},
                "startCommand": {{start}}
              }
            }
            """);
        return path;
    }

    /// <summary>What the agent's first reconcile makes of the pod network: the bridge, its gateway address, up.</summary>
    public async Task AddPodBridgeAsync()
    {
        await Command.RunAsync("ip", "-n", Node.Name, "link", "add", Bridge, "type", "bridge").ConfigureAwait(false);
        await Command.RunAsync("ip", "-n", Node.Name, "addr", "add", "10.216.0.1/24", "dev", Bridge).ConfigureAwait(false);
        await Command.RunAsync("ip", "-n", Node.Name, "link", "set", Bridge, "up").ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="config"/> as the node's frr.conf (owned by frr) and starts bgpd with it, in the foreground.</summary>
    public async Task<NodeProcess> StartNodeBgpdAsync(string config)
    {
        await WriteFrrFileAsync(NodeConfigFile, config).ConfigureAwait(false);
        var command = NodeBgpdCommand(detach: false);
        return Node.Start("bgpd", command[0], command.Skip(1));
    }

    /// <summary>When the node's bgpd wrote its pid file (UTC): bgpd is up and about to read its config.</summary>
    public DateTime? NodeBgpdStartedAt() => File.Exists(NodePidFile) ? File.GetLastWriteTimeUtc(NodePidFile) : null;

    /// <summary>When the ToR logged the session with the node Established (UTC), from its log file; null if it has not (yet).</summary>
    public DateTime? TorEstablishedAt()
    {
        if (!File.Exists(TorLogFile))
        {
            return null;
        }
        foreach (var line in File.ReadLines(TorLogFile))
        {
            // 2026/11/27 10:21:00.123456 BGP: [M59KS-A3ZXZ] %ADJCHANGE: neighbor 192.168.77.2(Unknown) in vrf default Up
            if (line.Contains("%ADJCHANGE", StringComparison.Ordinal) && line.Contains(NodeAddress, StringComparison.Ordinal)
                && line.TrimEnd().EndsWith(" Up", StringComparison.Ordinal) && line.Length > 26
                && DateTime.TryParseExact(line[..26], "yyyy/MM/dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var at))
            {
                return at.ToUniversalTime();
            }
        }
        return null;
    }

    /// <summary>
    /// Waits until the ToR treats the node as a switch that has run for a while does: its bgpd past the start timer
    /// of a new peer (about 1 s in Idle), trying to connect to the node every second (Connect or Active). A just
    /// started ToR would instead open the session itself when its own start timer fires, at a fixed time after the
    /// rack was built, whatever the node does.
    /// </summary>
    public async Task WaitUntilTorRetriesAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DaemonStartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var summary = await _daemon.ShowAsync(_torTooling!, ["show bgp ipv4 unicast summary json"], cancellationToken).ConfigureAwait(false);
            if (summary[0] is { Length: > 0 } text)
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.TryGetProperty("peers", out var peers) && peers.TryGetProperty(NodeAddress, out var peer)
                    && peer.TryGetProperty("state", out var state) && state.GetString() is "Active" or "Connect")
                {
                    return;
                }
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"the ToR's bgpd did not start connecting to the node within {DaemonStartTimeout.TotalSeconds} s");
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync().ConfigureAwait(false);
        await Tor.DisposeAsync().ConfigureAwait(false);
    }

    private static string Json(string text) => JsonSerializer.Serialize(text, JsonOptions);

    private static async Task WriteFrrFileAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
        await Command.RunAsync("chown", "frr:frr", path).ConfigureAwait(false);
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        // Created inside the node's namespace with its peer moved straight into the ToR's: the machine's own
        // namespace never sees either end.
        await Command.RunAsync("ip", "-n", Node.Name, "link", "add", Uplink, "type", "veth", "peer", "name", TorPort, "netns", Tor.Name).ConfigureAwait(false);
        await Command.RunAsync("ip", "-n", Node.Name, "addr", "add", $"{NodeAddress}/24", "dev", Uplink).ConfigureAwait(false);
        await Command.RunAsync("ip", "-n", Tor.Name, "addr", "add", $"{TorAddress}/24", "dev", TorPort).ConfigureAwait(false);
        await Command.RunAsync("ip", "-n", Node.Name, "link", "set", Uplink, "up").ConfigureAwait(false);
        await Command.RunAsync("ip", "-n", Tor.Name, "link", "set", TorPort, "up").ConfigureAwait(false);
        foreach (var (node, frr) in new[] { (Node, NodeFrr), (Tor, TorFrr) })
        {
            Directory.CreateDirectory(frr);
            await Command.RunAsync("chmod", "755", node.Directory).ConfigureAwait(false);
            await Command.RunAsync("chown", "frr:frr", frr).ConfigureAwait(false);
        }
        await Task.WhenAll(StartZebraAsync(Node, NodeFrr, cancellationToken), StartZebraAsync(Tor, TorFrr, cancellationToken)).ConfigureAwait(false);

        var torConfig = Path.Combine(TorFrr, "frr.conf");
        var torPid = Path.Combine(TorFrr, "bgpd.pid");
        await WriteFrrFileAsync(torConfig, TorConfig).ConfigureAwait(false);
        var bgpd = Tor.Start("tor bgpd", Bgpd, ["-f", torConfig, "-i", torPid, "-z", Path.Combine(TorFrr, "zserv.api"), "--vty_socket", TorFrr, "-u", "frr", "-g", "frr"]);
        _torTooling = new BgpTooling(BgpFlavor.Frr, Vtysh, TorFrr, "", Bgpd, torConfig, torPid, "");
        var answering = _daemon.WaitUntilAnsweringAsync(_torTooling, DaemonStartTimeout, cancellationToken);
        if (!await Waits.ForAsync(answering, bgpd, DaemonStartTimeout, "answer on the vty socket", cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"the ToR's bgpd did not answer within {DaemonStartTimeout.TotalSeconds} s");
        }
    }

    private static async Task StartZebraAsync(BenchNode node, string frr, CancellationToken cancellationToken)
    {
        var zebra = node.Start("zebra", Zebra, ["-f", "/dev/null", "-i", Path.Combine(frr, "zebra.pid"), "-z", Path.Combine(frr, "zserv.api"), "--vty_socket", frr, "-u", "frr", "-g", "frr"]);
        var vty = Waits.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(frr, "zebra.vty"))), cancellationToken);
        await Waits.ForAsync(vty, zebra, DaemonStartTimeout, "zebra.vty", cancellationToken).ConfigureAwait(false);
    }
}
