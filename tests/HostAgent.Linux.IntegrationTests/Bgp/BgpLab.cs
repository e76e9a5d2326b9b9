using System.Text.Json;
using HostAgent.TestLab;
using HostAgent.TestLab.Bgp;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>
/// A node and its top-of-rack switch, each a namespace with its own FRR, joined by a veth pair:
/// node 192.168.77.2 (AS 65101) and ToR 192.168.77.1 (AS 65000, fast timers, accepts the node's routes).
/// The node's zebra runs; its bgpd is the agent's to start (bgp.startCommand). Dispose stops everything it
/// started and removes the namespaces, also after a failure.
/// </summary>
public sealed class BgpLab : IDisposable
{
    public const string NodeAddress = "192.168.77.2";
    public const string TorAddress = "192.168.77.1";
    public const string PodCidr = "10.216.0.0/24";
    public const uint NodeAsn = 65101;
    public const uint TorAsn = 65000;

    private readonly List<IDisposable> _owned = [];

    public BgpLab(bool startTor = true)
    {
        try
        {
            Node = Own(new TestNetns());
            Tor = Own(new TestNetns());
            var suffix = Node.Name[3..];
            Uplink = $"vn{suffix}"[..Math.Min(15, 2 + suffix.Length)];
            var torSide = $"vt{suffix}"[..Math.Min(15, 2 + suffix.Length)];
            Cmd.Check("ip", "link", "add", Uplink, "type", "veth", "peer", "name", torSide);
            Cmd.Check("ip", "link", "set", Uplink, "netns", Node.Name);
            Cmd.Check("ip", "link", "set", torSide, "netns", Tor.Name);
            Node.Ip("addr", "add", $"{NodeAddress}/24", "dev", Uplink);
            Tor.Ip("addr", "add", $"{TorAddress}/24", "dev", torSide);
            Node.Ip("link", "set", Uplink, "up");
            Tor.Ip("link", "set", torSide, "up");
            NodeFrr = Own(new FrrInstance(Node, "node"));
            TorFrr = Own(new FrrInstance(Tor, "tor"));
            NodeFrr.StartZebra();
            TorFrr.StartZebra();
            if (startTor)
            {
                TorFrr.StartBgpdWith(TorConfig);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TestNetns Node { get; } = null!;

    public TestNetns Tor { get; } = null!;

    /// <summary>The node's uplink, whose address is the router id.</summary>
    public string Uplink { get; } = "";

    public FrrInstance NodeFrr { get; } = null!;

    public FrrInstance TorFrr { get; } = null!;

    public string DrainStateFile => Path.Combine(NodeFrr.Directory, "drain.json");

    /// <summary>The ToR: accepts the node's routes (no policy needed), 1 s keepalive, 3 s hold, retries every second.</summary>
    public static string TorConfig => $"""
        frr defaults traditional
        hostname tor
        router bgp {TorAsn}
         bgp router-id {TorAddress}
         no bgp ebgp-requires-policy
         timers bgp 1 3
         neighbor {NodeAddress} remote-as {NodeAsn}
         neighbor {NodeAddress} timers connect 1
        """;

    /// <summary>An agent config for the node: pod network, and a bgp section pointing at the node's FRR folder.</summary>
    /// <param name="bgp">Extra members of the bgp section, JSON.</param>
    /// <param name="neighbors">The neighbors list, JSON; the ToR by default.</param>
    public string AgentConfig(string bgp = "", string? neighbors = null, string network = "", string flavor = "frr", string? configFile = null)
    {
        var start = JsonSerializer.Serialize(NodeFrr.BgpdCommand(configFile), LabJson.Default.IReadOnlyListString);
        return $$"""
            {
              "agent": { "grpcSocket": "SOCKET", "logLevel": "Debug", "resyncInterval": "1h", "retryMinDelay": "50ms", "retryMaxDelay": "1s" },
              "network": { "podCidr": "{{PodCidr}}", "bridge": "cbr0"{{(network.Length > 0 ? ", " + network : "")}} },
              "bgp": {
                "flavor": "{{flavor}}",
                "localAsn": {{NodeAsn}},
                "routerIdInterface": "{{Uplink}}",
                "neighbors": {{neighbors ?? $"[{{ \"address\": \"{TorAddress}\", \"remoteAsn\": {TorAsn}, \"description\": \"tor\" }}]"}},
                "configFile": "{{configFile ?? NodeFrr.ConfigPath}}",
                "vtySocketDir": "{{NodeFrr.Directory}}",
                "pidFile": "{{NodeFrr.BgpdPidFile}}",
                "drainStateFile": "{{DrainStateFile}}",
                "sessionPollInterval": "2s",
                "startCommand": {{start}}{{(bgp.Length > 0 ? ", " + bgp : "")}}
              }
            }
            """;
    }

    /// <summary>The ToR kernel's route to the pod CIDR through the node: true once BGP has installed it.</summary>
    public bool TorHasNodeRoute()
    {
        var routes = Tor.IpJson("route", "show", PodCidr);
        return routes.EnumerateArray().Any(static r =>
            r.TryGetProperty("gateway", out var gateway) && gateway.GetString() == NodeAddress
            && r.TryGetProperty("protocol", out var protocol) && protocol.GetString() == "bgp");
    }

    /// <summary>/metrics of the agent in the node namespace.</summary>
    public string Metrics() => Node.Exec("curl", "-sf", "http://127.0.0.1:9469/metrics").StdOut;

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        // Newest first: the agent, then the daemons, then the namespaces they ran in.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            if (_owned[i] is TestNetns netns)
            {
                KillEverythingIn(netns);
            }
            try
            {
                _owned[i].Dispose();
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or TimeoutException)
            {
                // Cleanup goes on; what is left shows in `ip netns list` and `pgrep bgpd`.
            }
        }
        _owned.Clear();
    }

    /// <summary>A bgpd the agent started after the folder's pid file was last read, or anything else left in the namespace.</summary>
    private static void KillEverythingIn(TestNetns netns)
    {
        var pids = Cmd.Run("ip", "netns", "pids", netns.Name).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var pid in pids)
        {
            Cmd.Run("kill", "-KILL", pid);
        }
        if (pids.Length > 0)
        {
            Lab.WaitUntil(() => Cmd.Run("ip", "netns", "pids", netns.Name).StdOut.Trim().Length == 0, TimeSpan.FromSeconds(5));
        }
    }
}
