using System.Net;
using HostAgent.Bench.Lab;

namespace HostAgent.Bench.Clients;

/// <summary>
/// An HTTP client whose connections are made inside a bench node's namespace: 127.0.0.1 is the node's loopback,
/// not the host's. Connections are kept alive, as Prometheus keeps them between scrapes.
/// </summary>
internal static class NodeHttp
{
    public static HttpClient Create(BenchNode node)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = node.CreateTcpSocket();
                try
                {
                    var address = IPAddress.Parse(context.DnsEndPoint.Host);
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
