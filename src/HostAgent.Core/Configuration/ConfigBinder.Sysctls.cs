using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>"network.sysctls": a file list that replaces the default, plus single entries from the environment.</summary>
internal sealed partial class ConfigBinder
{
    /// <summary>Null until the file gives a sysctls object; then it replaces the default list entirely.</summary>
    private Dictionary<string, string>? _fileSysctls;

    private readonly Dictionary<string, string> _environmentSysctls = new(StringComparer.Ordinal);

    internal void BindSysctls(ConfigValue value)
    {
        if (value.Element.ValueKind != JsonValueKind.Object)
        {
            Fail(value, "must be an object mapping sysctl names to values");
            return;
        }
        _fileSysctls = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.Element.EnumerateObject())
        {
            var item = new ConfigValue(property.Value, ConfigText.Sysctl(property.Name), property.Value.GetRawText(), NextOrder());
            if (!seen.Add(property.Name))
            {
                Fail(item, "duplicate key");
                continue;
            }
            BindSysctl(property.Name, item, _fileSysctls);
        }
    }

    private void BindSysctl(string name, ConfigValue value, Dictionary<string, string> target)
    {
        if (ConfigRules.CheckSysctlName(name) is { } nameRule)
        {
            // The name is what is wrong, so show the name rather than the value.
            Fail(value with { Raw = ConfigText.Quote(name) }, nameRule);
            return;
        }
        switch (value.Element.ValueKind)
        {
            case JsonValueKind.String when ConfigRules.CheckSysctlValue(value.Element.GetString()!) is { } rule:
                Fail(value, rule);
                break;
            case JsonValueKind.String:
                target[name] = value.Element.GetString()!;
                break;
            // Kernel values can exceed a long (unsigned 64-bit limits), so keep the digits as written.
            case JsonValueKind.Number when IsIntegerLiteral(value.Raw):
                target[name] = value.Raw;
                break;
            default:
                Fail(value, "must be a string or an integer");
                break;
        }
    }

    private KeyValuePair<string, string>[] BuildSysctls(IReadOnlyList<KeyValuePair<string, string>> defaults)
    {
        var sysctls = _fileSysctls is null
            ? new Dictionary<string, string>(defaults, StringComparer.Ordinal)
            : new Dictionary<string, string>(_fileSysctls, StringComparer.Ordinal);
        foreach (var (name, value) in _environmentSysctls)
        {
            sysctls[name] = value;
        }
        return [.. sysctls.OrderBy(static s => s.Key, StringComparer.Ordinal)];
    }
}
