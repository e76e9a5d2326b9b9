using HostAgent.Core.Networking;

namespace HostAgent.TestFakes;

/// <summary>
/// Sysctls in a dictionary: a key that was never set or written reads as missing (null). Thread-safe.
/// </summary>
public sealed class FakeSysctl : ISysctl
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _writes = [];
    private Exception? _failNextRead;
    private Exception? _failNextWrite;

    /// <summary>When true, writing a key that was never set fails as /proc/sys does (FileNotFoundException).</summary>
    public bool RequireExistingKeys { get; init; }

    /// <summary>Successful and failed writes in order, as "key=value".</summary>
    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Seeds a value without recording a write.</summary>
    public void Set(string key, string value)
    {
        lock (_gate)
        {
            _values[key] = value;
        }
    }

    /// <summary>Makes a key read as missing.</summary>
    public void Remove(string key)
    {
        lock (_gate)
        {
            _values.Remove(key);
        }
    }

    /// <summary>Makes the next Read throw (an <see cref="IOException"/> unless given another exception).</summary>
    public void FailNextRead(Exception? exception = null)
    {
        lock (_gate)
        {
            _failNextRead = exception ?? new IOException("injected sysctl read failure");
        }
    }

    /// <summary>Makes the next Write throw and change nothing (an <see cref="IOException"/> unless given another exception).</summary>
    public void FailNextWrite(Exception? exception = null)
    {
        lock (_gate)
        {
            _failNextWrite = exception ?? new IOException("injected sysctl write failure");
        }
    }

    public string? Read(string key)
    {
        lock (_gate)
        {
            if (Take(ref _failNextRead) is { } failure)
            {
                throw failure;
            }
            return _values.TryGetValue(key, out var value) ? value.Trim() : null;
        }
    }

    public void Write(string key, string value)
    {
        lock (_gate)
        {
            _writes.Add($"{key}={value}");
            if (Take(ref _failNextWrite) is { } failure)
            {
                throw failure;
            }
            if (RequireExistingKeys && !_values.ContainsKey(key))
            {
                throw new FileNotFoundException($"no sysctl {key}", key);
            }
            _values[key] = value;
        }
    }

    private static Exception? Take(ref Exception? slot)
    {
        var taken = slot;
        slot = null;
        return taken;
    }
}
