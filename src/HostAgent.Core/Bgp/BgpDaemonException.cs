namespace HostAgent.Core.Bgp;

/// <summary>The daemon or one of its tools could not do what was asked.</summary>
public sealed class BgpDaemonException : Exception
{
    public BgpDaemonException(string message)
        : base(message)
    {
    }

    public BgpDaemonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BgpDaemonException()
    {
    }
}
