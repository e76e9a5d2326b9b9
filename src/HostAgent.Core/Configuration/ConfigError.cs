namespace HostAgent.Core.Configuration;

/// <summary>One problem in a config file: where (JSON path), what was there, and the rule it breaks.</summary>
/// <param name="Path">JSON path such as "network.mtu"; "$" for the document itself.</param>
/// <param name="Value">The offending value as written (JSON text), or null when the key is missing.</param>
/// <param name="Rule">The rule, phrased as what the value must be.</param>
public sealed record ConfigError(string Path, string? Value, string Rule)
{
    public override string ToString() => Value is null ? $"{Path}: {Rule}" : $"{Path}: {Value}: {Rule}";
}
