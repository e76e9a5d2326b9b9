namespace HostAgent.Core.Configuration;

/// <summary>
/// The config in force, and what happened at the last reload. A rejected reload leaves
/// <see cref="Current"/> untouched: the last good config keeps running.
/// </summary>
public sealed class ConfigHolder
{
    private readonly Lock _lock = new();
    private HostAgentConfig _current;

    public ConfigHolder(HostAgentConfig initial, string path, DateTimeOffset loadedAt)
    {
        _current = initial;
        Path = path;
        LoadedAt = loadedAt;
    }

    /// <summary>Raised after a new config has been put in force, with the previous one.</summary>
    public event Action<HostAgentConfig, HostAgentConfig>? Changed;

    public HostAgentConfig Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public string Path { get; }

    public DateTimeOffset LoadedAt { get; private set; }

    public DateTimeOffset? LastReloadAt { get; private set; }

    public bool LastReloadOk { get; private set; } = true;

    public IReadOnlyList<ConfigError> LastReloadErrors { get; private set; } = [];

    public void Accept(HostAgentConfig config, DateTimeOffset at)
    {
        HostAgentConfig previous;
        lock (_lock)
        {
            previous = _current;
            _current = config;
            LoadedAt = at;
            LastReloadAt = at;
            LastReloadOk = true;
            LastReloadErrors = [];
        }
        Changed?.Invoke(previous, config);
    }

    public void Reject(IReadOnlyList<ConfigError> errors, DateTimeOffset at)
    {
        lock (_lock)
        {
            LastReloadAt = at;
            LastReloadOk = false;
            LastReloadErrors = errors;
        }
    }
}
