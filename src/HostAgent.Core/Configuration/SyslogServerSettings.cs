namespace HostAgent.Core.Configuration;

/// <summary>One central log server the node's rsyslog forwards every message to.</summary>
/// <param name="Address">A host name or an IP address, as rsyslog's target.</param>
/// <param name="Port">Null for the transport's usual port (2514 for RELP, 514 for TCP).</param>
/// <param name="TlsCaFile">RELP over TLS when set: the CA that signed the server's certificate.</param>
/// <param name="TlsCertFile">The node's own certificate, for servers that ask for one; with <paramref name="TlsKeyFile"/>.</param>
public sealed record SyslogServerSettings(
    string Address,
    int? Port = null,
    SyslogTransport Transport = SyslogTransport.Auto,
    string? TlsCaFile = null,
    string? TlsCertFile = null,
    string? TlsKeyFile = null)
{
    public const int DefaultRelpPort = 2514;
    public const int DefaultTcpPort = 514;

    public override string ToString() =>
        $"{Address}{(Port is { } port ? $":{port}" : "")} ({Transport.ToString().ToLowerInvariant()}{(TlsCaFile is null ? "" : ", tls")})";
}
