using System.Net.Sockets;
using Grpc.Net.Client;
using HostAgent.Contracts.V1;

namespace HostAgent.Cli;

/// <summary>A gRPC client for the agent's unix socket.</summary>
public static class AgentClient
{
    public static (Agent.AgentClient Client, GrpcChannel Channel) Connect(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
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
        // The authority is not used for routing on a unix socket; "localhost" keeps Host headers ordinary.
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler });
        return (new Agent.AgentClient(channel), channel);
    }
}
