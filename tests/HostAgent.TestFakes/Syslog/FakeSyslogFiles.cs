using System.Collections.Concurrent;
using HostAgent.Core.Syslog;

namespace HostAgent.TestFakes;

/// <summary>Files in memory; writes recorded in order.</summary>
public sealed class FakeSyslogFiles : ISyslogFiles
{
    public ConcurrentDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public List<string> Written { get; } = [];

    public string? Read(string path) => Files.TryGetValue(path, out var content) ? content : null;

    public void WriteAtomic(string path, string content)
    {
        Written.Add(path);
        Files[path] = content;
    }
}
