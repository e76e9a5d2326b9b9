using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>Lists: each item bound and reported under its own path, such as "bgp.neighbors[1]".</summary>
internal sealed partial class ConfigBinder
{
    /// <summary>A list of strings, each checked by <paramref name="itemRule"/>; the list is kept only when every item passes.</summary>
    private void BindStringList<T>(ConfigValue value, Setting<IReadOnlyList<T>> setting, TextRule<T> itemRule)
    {
        if (value.Element.ValueKind != JsonValueKind.Array)
        {
            Reject(setting, value, "must be a list of strings");
            return;
        }
        var items = new List<T>();
        var failed = false;
        foreach (var item in Items(value))
        {
            if (item.Element.ValueKind != JsonValueKind.String)
            {
                Fail(item, "must be a string");
                failed = true;
            }
            else if (itemRule(item.Element.GetString()!, out var parsed, out var error))
            {
                items.Add(parsed);
            }
            else
            {
                Fail(item, error);
                failed = true;
            }
        }
        if (failed)
        {
            setting.Failed = true;
        }
        else
        {
            setting.Set(items, value);
        }
    }

    /// <summary>The items of a JSON array, each with its indexed path for errors.</summary>
    private IEnumerable<ConfigValue> Items(ConfigValue list)
    {
        var index = 0;
        foreach (var element in list.Element.EnumerateArray())
        {
            yield return new ConfigValue(element, $"{list.Path}[{index++}]", element.GetRawText(), NextOrder());
        }
    }

    /// <summary>
    /// The properties of an object item, each with its path; unknown and duplicate keys are reported.
    /// False (and an error) when the item is not an object.
    /// </summary>
    private bool TryProperties(ConfigValue item, IReadOnlyCollection<string> known, [NotNullWhen(true)] out Dictionary<string, ConfigValue>? properties)
    {
        properties = null;
        if (item.Element.ValueKind != JsonValueKind.Object)
        {
            Fail(item, "must be an object");
            return false;
        }
        properties = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var property in item.Element.EnumerateObject())
        {
            var value = new ConfigValue(property.Value, $"{item.Path}.{property.Name}", property.Value.GetRawText(), NextOrder());
            if (!known.Contains(property.Name))
            {
                Fail(value, UnknownKeyRule(known, property.Name));
            }
            else if (!properties.TryAdd(property.Name, value))
            {
                Fail(value, "duplicate key");
            }
        }
        return true;
    }
}
