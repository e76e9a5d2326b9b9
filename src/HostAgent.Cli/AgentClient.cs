using Grpc.Net.Client;
using HostAgent.Contracts;
using HostAgent.Contracts.V1;

namespace HostAgent.Cli;

/// <summary>A gRPC client for the agent's unix socket.</summary>
public static class AgentClient
{
    public static (Agent.AgentClient Client, GrpcChannel Channel) Connect(string socketPath)
    {
        var channel = UnixSocketChannel.Create(socketPath);
        return (new Agent.AgentClient(channel), channel);
    }
}
