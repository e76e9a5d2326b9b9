using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HostAgent.Linux.Namespaces;

namespace HostAgent.Bench.Lab;

/// <summary>
/// A node for one benchmark: a network namespace of its own with loopback up, a scratch directory for the
/// config and the gRPC socket, and the processes started in it. Disposing stops the processes, then whatever
/// else still runs in the namespace (a daemon a started agent ran and which detached), and removes both.
/// </summary>
internal sealed class BenchNode : IAsyncDisposable
{
    public const int AgentMetricsPort = 9469;
    public const int NodeExporterPort = 9100;

    private static readonly ConcurrentDictionary<BenchNode, bool> Live = new();
    private static int _counter;

    private readonly List<NodeProcess> _processes = [];
    private bool _disposed;

    private BenchNode(string name, NetworkNamespace networkNamespace, string directory)
    {
        Name = name;
        Namespace = networkNamespace;
        Directory = directory;
    }

    public string Name { get; }

    public NetworkNamespace Namespace { get; }

    public string Directory { get; }

    public string SocketPath => Path.Combine(Directory, "agent.sock");

    public static async Task<BenchNode> CreateAsync(string prefix)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _counter)}";
        await Command.RunAsync("ip", "netns", "add", name).ConfigureAwait(false);
        try
        {
            await Command.RunAsync("ip", "-n", name, "link", "set", "lo", "up").ConfigureAwait(false);
            var directory = System.IO.Directory.CreateTempSubdirectory(name + "-").FullName;
            var node = new BenchNode(name, NetworkNamespace.Open(name), directory);
            Live[node] = true;
            return node;
        }
        catch
        {
            Command.RunQuietly("ip", "netns", "del", name);
            throw;
        }
    }

    /// <summary>Last resort on the way out (unhandled exception, SIGTERM): kill what is left and remove the namespaces.</summary>
    public static void RemoveAllNow()
    {
        foreach (var node in Live.Keys)
        {
            foreach (var process in node._processes)
            {
                process.KillNow();
            }
            node.RemoveNamespaceAndFiles();
        }
    }

    /// <summary>The agent's config: only what the benchmark needs to differ from the defaults.</summary>
    public string WriteAgentConfig(string resyncInterval)
    {
        var path = Path.Combine(Directory, "hostagent.json");
        File.WriteAllText(path, $$"""
            {
              "agent": {
                "grpcSocket": "{{SocketPath}}",
                "resyncInterval": "{{resyncInterval}}",
                "metricsListen": "127.0.0.1:{{AgentMetricsPort}}"
              },
              "network": { "podCidr": "10.216.0.0/24" }
            }
            """);
        return path;
    }

    public NodeProcess StartAgent(Target target, string configPath) =>
        Start(target.Label, target.Path, ["--config", configPath], target.Environment);

    public NodeProcess StartNodeExporter(string path) =>
        Start("node_exporter", path, [$"--web.listen-address=127.0.0.1:{NodeExporterPort}"]);

    public NodeProcess Start(
        string label, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = NodeProcess.Start(label, Name, file, arguments, environment);
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    /// <summary>A TCP socket that lives in this node's namespace, whichever thread later uses it.</summary>
    public Socket CreateTcpSocket() =>
        Namespace.Run(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true });

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/> inside the node.</summary>
    public async Task<bool> AcceptsAsync(int port)
    {
        using var socket = CreateTcpSocket();
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        NodeProcess[] processes;
        lock (_processes)
        {
            processes = [.. _processes];
        }
        foreach (var process in processes.Reverse())
        {
            await process.StopAsync().ConfigureAwait(false);
        }
        RemoveNamespaceAndFiles();
    }

    /// <summary>
    /// Processes left in the namespace after the node's own were stopped: those started by a process of the node
    /// that detached, such as the bgpd an agent starts with <c>bgpd -d</c>. Only this node's namespace is looked at,
    /// which nothing but the benchmark uses. SIGTERM, then SIGKILL for what is still there after 3 s.
    /// </summary>
    private void StopLeftovers()
    {
        var pids = Command.Output("ip", "netns", "pids", Name)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(static text => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(static pid => pid > 0)
            .ToArray();
        if (pids.Length == 0)
        {
            return;
        }
        foreach (var signal in new[] { Native.SigTerm, Native.SigKill })
        {
            foreach (var pid in pids)
            {
                Native.Kill(pid, signal);
            }
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
            while (pids.Any(static pid => System.IO.Directory.Exists($"/proc/{pid}")) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
            pids = [.. pids.Where(static pid => System.IO.Directory.Exists($"/proc/{pid}"))];
            if (pids.Length == 0)
            {
                return;
            }
        }
        Console.Error.WriteLine($"bench: {Name}: pids {string.Join(' ', pids)} still there after SIGKILL");
    }

    private void RemoveNamespaceAndFiles()
    {
        if (!Live.TryRemove(this, out _))
        {
            return;
        }
        StopLeftovers();
        Namespace.Dispose();
        Command.RunQuietly("ip", "netns", "del", Name);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"bench: could not remove {Directory}: {exception.Message}");
        }
    }
}
