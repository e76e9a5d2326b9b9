using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using HostAgent.Contracts.V1;

namespace HostAgent.Bench.Clients;

/// <summary>A gRPC channel to the agent's unix socket, the way hostagentctl opens one.</summary>
internal sealed class AgentRpc : IDisposable
{
    private readonly GrpcChannel _channel;

    public AgentRpc(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler });
        Client = new Agent.AgentClient(_channel);
    }

    public Agent.AgentClient Client { get; }

    public async Task<GetStatusResponse> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await Client.GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Calls GetStatus until it is answered; the connection is retried every millisecond.</summary>
    public async Task WaitUntilAnsweringAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (File.Exists(socketPath))
            {
                try
                {
                    await GetStatusAsync(deadline.Token).ConfigureAwait(false);
                    return;
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable)
                {
                    // Bound but not yet serving, or the socket file is stale: try again.
                }
            }
            await Task.Delay(1, deadline.Token).ConfigureAwait(false);
        }
    }

    public void Dispose() => _channel.Dispose();
}
