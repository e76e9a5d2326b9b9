namespace HostAgent.Core.Networking;

/// <summary>The kernel refused a request; <see cref="Errno"/> is the positive errno it returned.</summary>
public sealed class KernelNetworkException : Exception
{
    public KernelNetworkException(string message, int errno)
        : base(message) => Errno = errno;

    public KernelNetworkException(string message)
        : base(message)
    {
    }

    public KernelNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KernelNetworkException()
    {
    }

    public int Errno { get; }
}
