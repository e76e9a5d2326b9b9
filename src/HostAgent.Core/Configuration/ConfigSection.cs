namespace HostAgent.Core.Configuration;

/// <summary>A top-level object of the file, such as "agent", and the keys it may hold.</summary>
internal sealed record ConfigSection(string Name, IReadOnlyList<ConfigKey> Keys)
{
    public ConfigKey? Find(string name, StringComparison comparison) =>
        Keys.FirstOrDefault(key => string.Equals(key.Name, name, comparison));
}
