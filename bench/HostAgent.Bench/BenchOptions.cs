using System.Globalization;

namespace HostAgent.Bench;

/// <summary>An agent build under test: a label for the report, the binary and extra environment variables.</summary>
internal sealed record Target(string Label, string Path, IReadOnlyDictionary<string, string> Environment);

/// <summary>What to run and how much of it; the defaults are the full run, <c>--quick</c> shrinks every count.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Usage: hostagent-bench repair|footprint|api|syslog|bgp|all --aot PATH --jit PATH [options]

          --aot PATH              NativeAOT hostagent binary
          --jit PATH              JIT hostagent apphost (dotnet build output)
          --node-exporter PATH    prometheus-node-exporter (default /usr/bin/prometheus-node-exporter)
          --ns-prefix NAME        prefix of the network namespaces created (default hab-<random>)
          --quick                 smaller counts and shorter phases, for trying the benchmarks out
          --iterations N          drift repairs per binary (default 1000, quick 100)
          --start-runs N          cold starts per binary (default 5, quick 2)
          --idle-seconds N        idle CPU window (default 60, quick 10)
          --status-calls N        GetStatus calls before the second RSS sample (default 10000, quick 2000)
          --api-seconds N         length of each GetStatus load phase (default 10, quick 3)
          --metrics-requests N    /metrics requests per endpoint (default 2000, quick 200)
          --bgp-changes N         one-neighbor BGP changes per method (default 100, quick 20)
          --bgp-starts N          fresh-node starts per case, agent start to ToR route (default 5, quick 2)
          --agent-env K=V[,K=V]   extra environment for both agents, e.g. DOTNET_gcServer=0 to try a GC setting
        """;

    public required string Command { get; init; }

    public required Target Aot { get; init; }

    public required Target Jit { get; init; }

    public string NodeExporter { get; private set; } = "/usr/bin/prometheus-node-exporter";

    public string NamespacePrefix { get; private set; } = $"hab-{Random.Shared.Next(0x100000, 0xFFFFFF):x6}";

    public bool Quick { get; private set; }

    public int RepairIterations { get; private set; }

    /// <summary>How long one repair may take before it counts as a timeout.</summary>
    public TimeSpan RepairTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Pause after each repair so every deletion meets an agent that has finished its previous run
    /// (the post-apply verification included): the benchmark measures isolated drift, not a backlog.
    /// </summary>
    public TimeSpan RepairGap { get; } = TimeSpan.FromMilliseconds(5);

    public int StartRuns { get; private set; }

    public TimeSpan SettleTime { get; } = TimeSpan.FromSeconds(2);

    public TimeSpan IdleTime { get; private set; }

    public int StatusCalls { get; private set; }

    /// <summary>Scrapes before the last RSS sample, so the exporter is compared after doing its own work.</summary>
    public int ScrapesForRss { get; private set; }

    public TimeSpan ApiPhase { get; private set; }

    public int ApiClients { get; } = 4;

    public TimeSpan DriftInterval { get; } = TimeSpan.FromMilliseconds(10);

    public int MetricsRequests { get; private set; }

    /// <summary>One-neighbor BGP changes applied by each method.</summary>
    public int BgpChanges { get; private set; }

    /// <summary>Fresh-node starts (agent, or bgpd alone) per case, each timed to the node's route in the ToR's kernel.</summary>
    public int BgpStarts { get; private set; }

    public bool Runs(string benchmark) => Command == "all" || Command == benchmark;

    public static bool TryParse(string[] args, out BenchOptions? options, out string? error)
    {
        options = null;
        error = null;
        if (args.Length == 0 || args[0] is not ("repair" or "footprint" or "api" or "syslog" or "bgp" or "all"))
        {
            error = "the first argument must be repair, footprint, api, syslog, bgp or all";
            return false;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"unexpected argument '{args[i]}'";
                return false;
            }
            values[args[i][2..]] = args[++i];
        }
        if (!values.Remove("aot", out var aot) || !values.Remove("jit", out var jit))
        {
            error = "--aot and --jit are required";
            return false;
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.Remove("agent-env", out var assignments))
        {
            foreach (var assignment in assignments.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    error = $"--agent-env needs NAME=VALUE pairs, not '{assignment}'";
                    return false;
                }
                environment[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }
        var parsed = new BenchOptions
        {
            Command = args[0],
            Aot = new Target("AOT", Path.GetFullPath(aot), environment),
            Jit = new Target("JIT", Path.GetFullPath(jit), environment),
            Quick = quick,
            RepairIterations = quick ? 100 : 1000,
            StartRuns = quick ? 2 : 5,
            IdleTime = TimeSpan.FromSeconds(quick ? 10 : 60),
            StatusCalls = quick ? 2000 : 10_000,
            ScrapesForRss = quick ? 20 : 100,
            ApiPhase = TimeSpan.FromSeconds(quick ? 3 : 10),
            MetricsRequests = quick ? 200 : 2000,
            BgpChanges = quick ? 20 : 100,
            BgpStarts = quick ? 2 : 5,
        };
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "node-exporter":
                    parsed.NodeExporter = Path.GetFullPath(value);
                    break;
                case "ns-prefix":
                    parsed.NamespacePrefix = value;
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
                    {
                        error = $"--{name} needs a positive whole number, not '{value}'";
                        return false;
                    }
                    if (!parsed.TrySetCount(name, number))
                    {
                        error = $"unknown option --{name}";
                        return false;
                    }
                    break;
            }
        }
        foreach (var file in new[] { parsed.Aot.Path, parsed.Jit.Path, parsed.NodeExporter })
        {
            if (!File.Exists(file))
            {
                error = $"{file} does not exist";
                return false;
            }
        }
        options = parsed;
        return true;
    }

    private bool TrySetCount(string name, int value)
    {
        switch (name)
        {
            case "iterations":
                RepairIterations = value;
                return true;
            case "start-runs":
                StartRuns = value;
                return true;
            case "idle-seconds":
                IdleTime = TimeSpan.FromSeconds(value);
                return true;
            case "status-calls":
                StatusCalls = value;
                return true;
            case "api-seconds":
                ApiPhase = TimeSpan.FromSeconds(value);
                return true;
            case "bgp-changes":
                BgpChanges = value;
                return true;
            case "bgp-starts":
                BgpStarts = value;
                return true;
            case "metrics-requests":
                MetricsRequests = value;
                return true;
            default:
                return false;
        }
    }
}
