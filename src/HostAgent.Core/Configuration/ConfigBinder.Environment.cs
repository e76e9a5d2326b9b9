using System.Globalization;
using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>HOSTAGENT__SECTION__KEY variables, applied over the file after it has been read.</summary>
internal sealed partial class ConfigBinder
{
    private const string Separator = "__";

    public void BindEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        var variables = environment
            .Where(static v => v.Key.StartsWith(ConfigLoader.EnvironmentPrefix, StringComparison.Ordinal))
            .OrderBy(static v => v.Key, StringComparer.Ordinal);
        foreach (var (name, text) in variables)
        {
            BindVariable(name, text, NextOrder());
        }
    }

    private void BindVariable(string name, string text, int order)
    {
        var parts = name[ConfigLoader.EnvironmentPrefix.Length..].Split(Separator, 3);
        var section = ConfigSchema.FindSection(parts[0], StringComparison.OrdinalIgnoreCase);
        var key = parts.Length >= 2 ? section?.Find(parts[1], StringComparison.OrdinalIgnoreCase) : null;
        if (section is null || key is null)
        {
            Fail(order, $"env:{name}", ConfigText.Quote(text), "unknown key");
            return;
        }
        if (key.Kind == ConfigValueKind.SysctlMap)
        {
            if (parts.Length < 3)
            {
                Fail(order, $"env:{name}", ConfigText.Quote(text), $"unknown key (set one sysctl per variable: {name}{Separator}<name>)");
                return;
            }
            // The sysctl name is taken verbatim: it is case-sensitive and its dots are part of it.
            var sysctl = parts[2];
            var value = new ConfigValue(ToElement(text, ConfigValueKind.String), $"{ConfigText.Sysctl(sysctl)} (from {name})", ConfigText.Quote(text), order);
            BindSysctl(sysctl, value, _environmentSysctls);
            return;
        }
        if (parts.Length > 2)
        {
            Fail(order, $"env:{name}", ConfigText.Quote(text), "unknown key");
            return;
        }
        var path = $"{section.Name}.{key.Name} (from {name})";
        key.Bind(this, new ConfigValue(ToElement(text, key.Kind), path, ConfigText.Quote(text), order));
    }

    /// <summary>
    /// Environment values are text; turn the ones that read as the key's type into that JSON type and leave the
    /// rest as strings, so the key's own type check reports them.
    /// </summary>
    private static JsonElement ToElement(string text, ConfigValueKind kind)
    {
        var json = kind switch
        {
            ConfigValueKind.Boolean when text.Equals("true", StringComparison.OrdinalIgnoreCase) => "true",
            ConfigValueKind.Boolean when text.Equals("false", StringComparison.OrdinalIgnoreCase) => "false",
            ConfigValueKind.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) =>
                number.ToString(CultureInfo.InvariantCulture),
            ConfigValueKind.Json when IsJson(text) => text,
            _ => ConfigText.Quote(text),
        };
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
