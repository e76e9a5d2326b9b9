using System.Runtime.Versioning;
using HostAgent.Core.Bgp;
using HostAgent.Linux.Files;

namespace HostAgent.Linux.Bgp;

/// <summary>A prepared frr.conf or bgpd.conf; a failure to put it in place is the daemon's kind of failure.</summary>
[SupportedOSPlatform("linux")]
internal sealed class PreparedConfigFile(PreparedFile file) : IPreparedConfigFile
{
    public void Commit()
    {
        try
        {
            file.Commit();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BgpDaemonException($"cannot write {file.Path}: {exception.Message}", exception);
        }
    }

    public void Dispose() => file.Dispose();
}
