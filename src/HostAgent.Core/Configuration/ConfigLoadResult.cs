namespace HostAgent.Core.Configuration;

/// <summary>Either a valid config or every problem found; never both.</summary>
public sealed record ConfigLoadResult(HostAgentConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Config is not null && Errors.Count == 0;
}
