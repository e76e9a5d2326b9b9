using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>
/// Walks the document and the environment through <see cref="ConfigSchema"/>, keeping each key's effective
/// value and every error; errors carry the position of what caused them so they can be reported in document order.
/// </summary>
internal sealed partial class ConfigBinder
{
    private readonly List<(int Order, ConfigError Error)> _errors = [];
    private int _nextOrder;

    public void BindDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Fail(NextOrder(), "$", root.GetRawText(), "must be an object with \"agent\" and \"network\" sections");
            // Everything is missing; saying so key by key would only bury the one real problem.
            _podCidr.Failed = true;
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var value = new ConfigValue(property.Value, ConfigText.Child("", property.Name), property.Value.GetRawText(), NextOrder());
            if (!seen.Add(property.Name))
            {
                Fail(value, "duplicate key");
                continue;
            }
            var section = ConfigSchema.FindSection(property.Name, StringComparison.Ordinal);
            if (section is null)
            {
                Fail(value, UnknownKeyRule(ConfigSchema.Sections.Select(static s => s.Name), property.Name));
                continue;
            }
            BindSection(section, value);
        }
        _podCidrMissingOrder ??= NextOrder();
    }

    public ConfigLoadResult Build()
    {
        CheckRetryDelays();
        CheckNetwork();
        CheckSyslog();
        CheckBgp();
        if (_errors.Count > 0)
        {
            return new ConfigLoadResult(null, [.. _errors.OrderBy(static e => e.Order).Select(static e => e.Error)]);
        }
        return new ConfigLoadResult(new HostAgentConfig(BuildAgent(), BuildNetwork(), BuildSyslog(), BuildBgp(_podCidr.Value)), []);
    }

    private void BindSection(ConfigSection section, ConfigValue value)
    {
        if (value.Element.ValueKind != JsonValueKind.Object)
        {
            Fail(value, "must be an object");
            if (section == ConfigSchema.Network)
            {
                _podCidr.Failed = true;
            }
            return;
        }
        if (section == ConfigSchema.Syslog)
        {
            // "syslog": {} turns the component on with every default.
            MarkSyslogPresent();
        }
        if (section == ConfigSchema.Bgp)
        {
            // "bgp": {} turns the component on; its required keys are then reported as missing.
            MarkBgpPresent();
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.Element.EnumerateObject())
        {
            var item = new ConfigValue(property.Value, ConfigText.Child(section.Name, property.Name), property.Value.GetRawText(), NextOrder());
            if (!seen.Add(property.Name))
            {
                Fail(item, "duplicate key");
                continue;
            }
            var key = section.Find(property.Name, StringComparison.Ordinal);
            if (key is null)
            {
                Fail(item, UnknownKeyRule(section.Keys.Select(static k => k.Name), property.Name));
                continue;
            }
            key.Bind(this, item);
        }
        if (section == ConfigSchema.Network)
        {
            _podCidrMissingOrder = NextOrder();
        }
        if (section == ConfigSchema.Bgp)
        {
            MarkBgpEnd();
        }
    }

    private int NextOrder() => _nextOrder++;

    private void Fail(ConfigValue value, string rule) => Fail(value.Order, value.Path, value.Raw, rule);

    private void Fail(int order, string path, string? value, string rule) => _errors.Add((order, new ConfigError(path, value, rule)));

    private static string UnknownKeyRule(IEnumerable<string> known, string name)
    {
        // Keys are matched exactly, so a wrong case is the likeliest slip; name the key that was meant.
        var match = known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
        return match is null ? "unknown key" : $"unknown key (did you mean \"{match}\"?)";
    }
}
