using Grpc.Core;
using Grpc.Net.Client;
using HostAgent.Contracts;
using HostAgent.Contracts.V1;

namespace HostAgent.Bench.Clients;

/// <summary>A gRPC channel to the agent's unix socket, opened as hostagentctl opens it.</summary>
internal sealed class AgentRpc : IDisposable
{
    private readonly GrpcChannel _channel;

    public AgentRpc(string socketPath)
    {
        _channel = UnixSocketChannel.Create(socketPath);
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
