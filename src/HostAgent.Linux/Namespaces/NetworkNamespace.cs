using System.Runtime.ExceptionServices;
using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Namespaces;

/// <summary>
/// An open handle on a network namespace, used to create sockets and open /proc/sys/net files inside it
/// while the process itself stays in its own namespace.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private readonly FileDescriptorHandle _handle;

    private NetworkNamespace(FileDescriptorHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The file the namespace was opened from, e.g. /var/run/netns/ha-1234.</summary>
    public string Path { get; }

    /// <summary>Opens a namespace made by `ip netns add NAME`.</summary>
    public static NetworkNamespace Open(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a network namespace name", nameof(name));
        }
        return OpenPath($"/var/run/netns/{name}");
    }

    /// <summary>Opens any namespace file, such as /proc/PID/ns/net.</summary>
    public static NetworkNamespace OpenPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fd = LibC.Open(path, LibC.ORdonly | LibC.OCloexec);
        if (fd < 0)
        {
            var errno = Errno.Last;
            throw new KernelNetworkException($"open network namespace {path}: {Errno.Describe(errno)}", errno);
        }
        return new NetworkNamespace(new FileDescriptorHandle(fd), path);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a new thread that has joined this namespace and ends afterwards,
    /// so no pooled thread ever changes namespace; exceptions from the action are rethrown here.
    /// </summary>
    public T Run<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        T? result = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter();
                result = action();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = "netns",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    public void Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Run(() =>
        {
            action();
            return true;
        });
    }

    public void Dispose() => _handle.Dispose();

    public override string ToString() => Path;

    private void Enter()
    {
        if (LibC.SetNs(_handle, LibC.CloneNewnet) != 0)
        {
            var errno = Errno.Last;
            throw new KernelNetworkException($"enter network namespace {Path}: {Errno.Describe(errno)}", errno);
        }
    }
}
