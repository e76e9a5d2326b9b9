using System.Globalization;
using System.Text;
using HostAgent.Core.Bgp;
using HostAgent.Core.Networking;
using HostAgent.Core.Units;

namespace HostAgent.TestFakes;

/// <summary>
/// bgpd in memory, speaking FRR's JSON: a running config that vtysh commands really change (blocks entered
/// and left, lines added, replaced and removed with "no"), sessions and announcements set by the test, a config
/// file, and a service manager that starts it from that file. Commands can be refused to test rollbacks.
/// </summary>
public sealed partial class FakeBgpDaemon : IBgpDaemon
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];
    private List<Node> _running = [];
    private int _pid = 4000;

    public FakeBgpDaemon()
    {
        ServiceManager = new StartingServiceManager(this);
    }

    public bool Running { get; set; } = true;

    /// <summary>The config file as the daemon would find it; null for none.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Sessions reported by the summary, by neighbor address.</summary>
    public Dictionary<string, BgpSession> Sessions { get; } = new(StringComparer.Ordinal);

    /// <summary>Prefixes the daemon holds as its own valid routes (those whose bridge is up).</summary>
    public HashSet<Ipv4Cidr> LocalRoutes { get; } = [];

    /// <summary>What each neighbor is sent; a neighbor not listed is sent what it should be (its expected prefixes).</summary>
    public Dictionary<string, List<Ipv4Cidr>> Advertised { get; } = new(StringComparer.Ordinal);

    /// <summary>The checker's answer: null accepts.</summary>
    public string? RejectCheck { get; set; }

    /// <summary>Returns a refusal message for a command bgpd should refuse, or null.</summary>
    public Func<string, string?> Refuse { get; set; } = static _ => null;

    /// <summary>Starts bgpd when asked; its Kind is "systemd".</summary>
    public IServiceManager ServiceManager { get; }

    /// <summary>Calls in order: "check", "configure: cmd | cmd || after", "reload", "write", "start".</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public int Writes => Calls.Count(static c => c == "write");

    public BgpDaemonProbe Probe(BgpTooling tooling) =>
        Running ? new BgpDaemonProbe(true, _pid, null) : new BgpDaemonProbe(false, null, $"pid file {tooling.PidFile} is missing");

    public Task<IReadOnlyList<string?>> ShowAsync(BgpTooling tooling, IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!Running)
            {
                throw new BgpDaemonException("vtysh could not read from bgpd: Exiting: failed to connect to any daemons.");
            }
            return Task.FromResult<IReadOnlyList<string?>>([.. commands.Select(Show)]);
        }
    }

    public Task<BgpCheckResult> CheckAsync(BgpTooling tooling, string config, CancellationToken cancellationToken)
    {
        Record("check");
        return Task.FromResult(RejectCheck is { } message ? new BgpCheckResult(false, message) : BgpCheckResult.Ok);
    }

    public Task<VtyshResult> ConfigureAsync(BgpTooling tooling, IReadOnlyList<string> commands, IReadOnlyList<string> afterwards, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add($"configure: {string.Join(" | ", commands)}{(afterwards.Count > 0 ? " || " + string.Join(" | ", afterwards) : "")}");
            if (!Running)
            {
                return Task.FromResult(new VtyshResult(1, "", "Exiting: failed to connect to any daemons.", TimeSpan.Zero));
            }
            var context = new List<Node>();
            foreach (var command in commands)
            {
                if (Refuse(command) is { } refusal)
                {
                    return Task.FromResult(new VtyshResult(1, refusal, "", TimeSpan.FromMilliseconds(1)));
                }
                Execute(context, command);
            }
            return Task.FromResult(new VtyshResult(0, "", "", TimeSpan.FromMilliseconds(1)));
        }
    }

    public Task<VtyshResult> ReloadAsync(BgpTooling tooling, string config, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add("reload");
            Load(config);
            return Task.FromResult(new VtyshResult(0, "", "", TimeSpan.FromMilliseconds(1)));
        }
    }

    public Task<bool> WaitUntilAnsweringAsync(BgpTooling tooling, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(Running);

    public string? ReadConfigFile(BgpTooling tooling) => ConfigFile;

    public void WriteConfigFile(BgpTooling tooling, string config)
    {
        Record("write");
        ConfigFile = config;
    }

    public IPreparedConfigFile PrepareConfigFile(BgpTooling tooling, string config) => new PreparedFile(this, config);

    /// <summary>Replaces the running config, as if bgpd had been started with this file.</summary>
    public void Load(string config)
    {
        lock (_gate)
        {
            _running = [.. DaemonConfig.Parse(config).Nodes.Select(Node.From)];
        }
    }

    /// <summary>bgpd crashed: its running state is gone.</summary>
    public void Crash()
    {
        lock (_gate)
        {
            Running = false;
            _running = [];
        }
    }

    /// <summary>The running config as FRR prints it (with the header that tells it is FRR).</summary>
    public string RunningConfig()
    {
        lock (_gate)
        {
            var text = new StringBuilder("Building configuration...\n\nCurrent configuration:\n!\nfrr version 8.4.4\nfrr defaults traditional\n!\n");
            foreach (var node in _running)
            {
                node.Write(text, 0);
                text.Append("!\n");
            }
            return text.Append("end\n").ToString();
        }
    }

    private void Start()
    {
        lock (_gate)
        {
            _calls.Add("start");
            Running = true;
            _pid++;
            _running = ConfigFile is null ? [] : [.. DaemonConfig.Parse(ConfigFile).Nodes.Select(Node.From)];
        }
    }

    private void Record(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private string Show(string command)
    {
        const string route = "show bgp ipv4 unicast ";
        const string advertised = " advertised-routes json";
        if (command == BgpShowCommands.RunningConfig)
        {
            return RunningConfig().Trim('\n');
        }
        if (command == "show bgp ipv4 unicast summary json")
        {
            return SummaryJson();
        }
        if (command.StartsWith(route + "neighbors ", StringComparison.Ordinal) && command.EndsWith(advertised, StringComparison.Ordinal))
        {
            var neighbor = command[(route.Length + "neighbors ".Length)..^advertised.Length];
            var prefixes = Advertised.TryGetValue(neighbor, out var sent) ? sent : ExpectedFor(neighbor);
            return "{\"advertisedRoutes\":{" + string.Join(",", prefixes.Select(p => $"\"{p}\":{{}}")) + "}}";
        }
        if (command.StartsWith(route, StringComparison.Ordinal) && command.EndsWith(" json", StringComparison.Ordinal))
        {
            var prefix = Ipv4Cidr.Parse(command[route.Length..^" json".Length]);
            return LocalRoutes.Contains(prefix) && NetworkConfigured(prefix) ? "{\"paths\":[{\"valid\":true,\"sourced\":true}]}" : "{}";
        }
        throw new NotSupportedException("the fake bgpd does not know " + command);
    }

    private string SummaryJson()
    {
        var peers = Sessions.Values.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"\"{s.Neighbor}\":{{\"remoteAs\":{s.RemoteAsn},\"state\":\"{s.State}\",\"peerUptime\":\"{(s.Uptime is null ? "never" : "up")}\",\"peerUptimeMsec\":{(long)(s.Uptime?.TotalMilliseconds ?? 0)},\"pfxRcd\":{s.PrefixesReceived},\"pfxSnt\":{s.PrefixesSent ?? 0},\"connectionsEstablished\":{s.ConnectionsEstablished ?? 0}}}"));
        return "{\"peers\":{" + string.Join(",", peers) + "}}";
    }

    /// <summary>What FRR would send: the configured networks that are local routes, when the session is up.</summary>
    private List<Ipv4Cidr> ExpectedFor(string neighbor) =>
        Sessions.TryGetValue(neighbor, out var session) && session.Established
            ? [.. LocalRoutes.Where(NetworkConfigured)]
            : [];

    private bool NetworkConfigured(Ipv4Cidr prefix) =>
        _running.Where(static n => n.Line.StartsWith("router bgp ", StringComparison.Ordinal))
            .SelectMany(static r => r.Children.SelectMany(static c => c.Children.Append(c)))
            .Any(n => n.Line == $"network {prefix}");

    private sealed class PreparedFile(FakeBgpDaemon daemon, string config) : IPreparedConfigFile
    {
        public void Commit() => daemon.WriteConfigFile(new BgpTooling(Core.Configuration.BgpFlavor.Frr, "", "", "", "", "", "", ""), config);

        public void Dispose()
        {
        }
    }

    private sealed class StartingServiceManager(FakeBgpDaemon daemon) : IServiceManager
    {
        public string Kind => "systemd";

        public Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken)
        {
            daemon.Start();
            return Task.FromResult(UnitJobResult.Done);
        }

        public Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken) => StartAsync(unit, cancellationToken);

        public Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken) => StartAsync(unit, cancellationToken);

        public Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken) =>
            Task.FromResult<UnitState?>(daemon.Running ? new UnitState(unit, "active", "running") : new UnitState(unit, "inactive", "dead"));
    }
}
