using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>Type checks shared by every key: read the JSON type, apply the key's rule, store or report.</summary>
internal sealed partial class ConfigBinder
{
    private delegate bool TextRule<T>(string text, out T value, [NotNullWhen(false)] out string? error);

    private void BindBoolean(ConfigValue value, Setting<bool> setting)
    {
        switch (value.Element.ValueKind)
        {
            case JsonValueKind.True:
                setting.Set(true, value);
                break;
            case JsonValueKind.False:
                setting.Set(false, value);
                break;
            default:
                Reject(setting, value, "must be a boolean");
                break;
        }
    }

    private void BindText<T>(ConfigValue value, Setting<T> setting, TextRule<T> rule, string typeRule = "must be a string")
    {
        if (value.Element.ValueKind != JsonValueKind.String)
        {
            Reject(setting, value, typeRule);
        }
        else if (rule(value.Element.GetString()!, out var result, out var error))
        {
            setting.Set(result, value);
        }
        else
        {
            Reject(setting, value, error);
        }
    }

    private void BindInteger(ConfigValue value, Setting<int> setting, int min, int max)
    {
        if (!TryReadInteger(value, out var number))
        {
            Reject(setting, value, "must be an integer");
        }
        else if (number < min || number > max)
        {
            Reject(setting, value, $"must be from {min} to {max}");
        }
        else
        {
            setting.Set((int)number, value);
        }
    }

    /// <summary>Integers too large for a long come back clamped, so range rules still name the real problem.</summary>
    private static bool TryReadInteger(ConfigValue value, out long number)
    {
        number = 0;
        if (value.Element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }
        if (value.Element.TryGetInt64(out number))
        {
            return true;
        }
        if (!IsIntegerLiteral(value.Raw))
        {
            return false;
        }
        number = value.Raw.StartsWith('-') ? long.MinValue : long.MaxValue;
        return true;
    }

    /// <summary>A JSON number written without fraction or exponent.</summary>
    private static bool IsIntegerLiteral(string raw) => !raw.AsSpan().ContainsAny(".eE");

    private void Reject<T>(Setting<T> setting, ConfigValue value, string rule)
    {
        Fail(value, rule);
        setting.Failed = true;
    }
}
