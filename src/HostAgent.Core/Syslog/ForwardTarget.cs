using HostAgent.Core.Configuration;

namespace HostAgent.Core.Syslog;

/// <summary>One forwarding action of the drop-in: a central server with its transport resolved.</summary>
/// <param name="Name">The action's name, which is also its queue's file name and its impstats name.</param>
/// <param name="Transport">Relp or Tcp, never Auto.</param>
public sealed record ForwardTarget(
    string Name,
    string Address,
    int Port,
    SyslogTransport Transport,
    string? TlsCaFile,
    string? TlsCertFile,
    string? TlsKeyFile)
{
    public const string NamePrefix = "hostagent-fwd-";

    /// <summary>"relp 10.0.0.1:2514": how status names the server.</summary>
    public string Display => $"{Transport.ToString().ToLowerInvariant()} {(Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]" : Address)}:{Port}";

    /// <summary>Resolves "auto" and the default port; servers are numbered in the order written.</summary>
    public static ForwardTarget From(SyslogServerSettings server, int index, bool omrelpAvailable)
    {
        var transport = server.Transport switch
        {
            SyslogTransport.Auto => omrelpAvailable ? SyslogTransport.Relp : SyslogTransport.Tcp,
            var explicitTransport => explicitTransport,
        };
        var port = server.Port ?? (transport == SyslogTransport.Relp ? SyslogServerSettings.DefaultRelpPort : SyslogServerSettings.DefaultTcpPort);
        return new ForwardTarget(
            $"{NamePrefix}{index}", server.Address, port, transport, server.TlsCaFile, server.TlsCertFile, server.TlsKeyFile);
    }
}
