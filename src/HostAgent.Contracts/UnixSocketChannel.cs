using System.Net.Sockets;
using Grpc.Net.Client;

namespace HostAgent.Contracts;

/// <summary>A gRPC channel to an agent's unix socket, for hostagentctl, tools and tests alike.</summary>
public static class UnixSocketChannel
{
    public static GrpcChannel Create(string socketPath)
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
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
