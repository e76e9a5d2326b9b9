using System.Diagnostics;
using System.Net.Sockets;
using HostAgent.Bench.Clients;
using HostAgent.Linux.Netlink;

namespace HostAgent.Bench.Lab;

/// <summary>How a started agent is judged ready.</summary>
internal enum Readiness
{
    /// <summary>A GetStatus call is answered.</summary>
    Answering,

    /// <summary>Both sockets accept connections, but no request is made: memory is then measured untouched.</summary>
    Listening,
}

/// <summary>An agent running in a node of its own, with the gateway watch, a gRPC channel and a netlink socket in that node.</summary>
internal sealed class AgentRig : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly bool _ownsNode;
    private RtnetlinkKernelNetwork? _kernel;

    private AgentRig(Target target, BenchNode node, bool ownsNode, GatewayWatch watch, NodeProcess process, AgentRpc rpc)
    {
        Target = target;
        Node = node;
        _ownsNode = ownsNode;
        Watch = watch;
        Process = process;
        Rpc = rpc;
    }

    public Target Target { get; }

    public BenchNode Node { get; }

    public GatewayWatch Watch { get; }

    public NodeProcess Process { get; }

    public AgentRpc Rpc { get; }

    /// <summary>The bridge the agent created, from the gateway event of its first reconcile.</summary>
    public int BridgeIndex { get; private set; }

    /// <summary>Process start (just before Process.Start) to the gateway's add event.</summary>
    public long FirstReconcileTicks { get; private set; }

    /// <summary>Process start to the first GetStatus answer; 0 unless started with <see cref="Readiness.Answering"/>.</summary>
    public long FirstAnswerTicks { get; private set; }

    /// <summary>Process start to the first accepted TCP connection on the metrics port.</summary>
    public long MetricsListeningTicks { get; private set; }

    /// <summary>A request socket in the agent's namespace, to cause drift.</summary>
    public RtnetlinkKernelNetwork Kernel => _kernel ??= new RtnetlinkKernelNetwork(Node.Namespace);

    /// <summary>Starts the agent in <paramref name="node"/>, or in a node of its own when null.</summary>
    public static async Task<AgentRig> StartAsync(
        BenchOptions options, Target target, string resyncInterval, Readiness readiness, CancellationToken cancellationToken, BenchNode? node = null)
    {
        var ownsNode = node is null;
        node ??= await BenchNode.CreateAsync(options.NamespacePrefix).ConfigureAwait(false);
        GatewayWatch? watch = null;
        AgentRpc? rpc = null;
        try
        {
            watch = new GatewayWatch(node.Namespace);
            var config = node.WriteAgentConfig(resyncInterval);
            rpc = new AgentRpc(node.SocketPath);
            var process = node.StartAgent(target, config);
            var rig = new AgentRig(target, node, ownsNode, watch, process, rpc);
            await rig.WaitReadyAsync(readiness, cancellationToken).ConfigureAwait(false);
            return rig;
        }
        catch
        {
            rpc?.Dispose();
            watch?.Dispose();
            if (ownsNode)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        _kernel?.Dispose();
        if (_ownsNode)
        {
            await Node.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await Process.StopAsync().ConfigureAwait(false);
        }
        Watch.Dispose();
    }

    private async Task WaitReadyAsync(Readiness readiness, CancellationToken cancellationToken)
    {
        var started = Process.StartedAt;
        var answered = readiness == Readiness.Answering
            ? Rpc.WaitUntilAnsweringAsync(Node.SocketPath, StartTimeout, cancellationToken).ContinueWith(
                t => { t.GetAwaiter().GetResult(); return Stopwatch.GetTimestamp(); }, TaskScheduler.Default)
            : Waits.UntilAsync(() => AcceptsUnixAsync(Node.SocketPath), cancellationToken);
        var listening = Waits.UntilAsync(() => Node.AcceptsAsync(BenchNode.AgentMetricsPort), cancellationToken);
        var first = await Waits.ForAsync(Watch.FirstAdded, Process, StartTimeout, "gateway address event", cancellationToken).ConfigureAwait(false);
        BridgeIndex = first.IfIndex;
        FirstReconcileTicks = first.ReceivedTimestamp - started;
        var answeredAt = await Waits.ForAsync(answered, Process, StartTimeout, "gRPC socket", cancellationToken).ConfigureAwait(false);
        if (readiness == Readiness.Answering)
        {
            FirstAnswerTicks = answeredAt - started;
        }
        MetricsListeningTicks = await Waits.ForAsync(listening, Process, StartTimeout, "metrics port", cancellationToken).ConfigureAwait(false) - started;
    }

    private static async Task<bool> AcceptsUnixAsync(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
