namespace HostAgent.Core.Configuration;

/// <summary>A key's effective value while binding: unset (model default), set from a source, or known bad.</summary>
internal sealed class Setting<T>
{
    public bool HasValue { get; private set; }

    public T Value { get; private set; } = default!;

    /// <summary>Where the effective value came from; cross-key rules point their errors here.</summary>
    public ConfigValue? Source { get; private set; }

    /// <summary>Some value given for this key broke a rule; rules relating it to other keys are skipped.</summary>
    public bool Failed { get; set; }

    public void Set(T value, ConfigValue source)
    {
        Value = value;
        Source = source;
        HasValue = true;
    }

    public T Or(T fallback) => HasValue ? Value : fallback;
}
