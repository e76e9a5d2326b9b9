namespace HostAgent.Core.Configuration;

/// <summary>A key the schema knows, and how a value for it is validated and stored.</summary>
internal sealed record ConfigKey(string Name, ConfigValueKind Kind, Action<ConfigBinder, ConfigValue> Bind);
