using System.Text;
using HostAgent.Core.Networking;
using HostAgent.Linux.Namespaces;

namespace HostAgent.Linux.Sysctl;

/// <summary>
/// Kernel parameters through /proc/sys. With a namespace, each file is opened from a thread inside it,
/// because /proc/sys/net shows the namespace of the thread that opens the file.
/// </summary>
public sealed class ProcSysctl(NetworkNamespace? networkNamespace = null) : ISysctl
{
    private const string Root = "/proc/sys";

    public string? Read(string key)
    {
        var path = PathOf(key);
        return InNamespace(() => ReadFile(path));
    }

    public void Write(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var path = PathOf(key);
        var bytes = Encoding.UTF8.GetBytes(value + "\n");
        InNamespace(() => WriteFile(path, bytes));
    }

    /// <summary>
    /// Maps a sysctl(8) key to its file: dots separate directories, and a '/' inside a segment stands for a dot,
    /// so "net.ipv4.conf.eth0/100.forwarding" is /proc/sys/net/ipv4/conf/eth0.100/forwarding.
    /// </summary>
    internal static string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Contains("..", StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a sysctl key", nameof(key));
        }
        var segments = key.Split('.');
        var path = new StringBuilder(Root);
        foreach (var segment in segments)
        {
            var name = segment.Replace('/', '.');
            if (name.Length == 0 || name is "." or "..")
            {
                throw new ArgumentException($"'{key}' is not a sysctl key: it has an empty or relative segment", nameof(key));
            }
            path.Append('/').Append(name);
        }
        return path.ToString();
    }

    private static string? ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool WriteFile(string path, byte[] bytes)
    {
        // One write() call: the kernel parses each write separately, so a split value could be half-applied.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        stream.Write(bytes);
        return true;
    }

    private T InNamespace<T>(Func<T> action) => networkNamespace is null ? action() : networkNamespace.Run(action);
}
