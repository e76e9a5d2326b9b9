using System.Diagnostics.CodeAnalysis;

namespace HostAgent.Core.Configuration;

/// <summary>The rule for systemd unit names, as systemd itself accepts them.</summary>
internal static partial class ConfigRules
{
    /// <summary>systemd's UNIT_NAME_MAX.</summary>
    public const int MaxUnitNameLength = 255;

    private static readonly string[] UnitSuffixes =
        [".service", ".socket", ".target", ".mount", ".automount", ".swap", ".path", ".timer", ".slice", ".scope", ".device"];

    public static bool TryParseUnitName(string text, out string value, [NotNullWhen(false)] out string? error)
    {
        value = text;
        error = CheckUnitName(text);
        return error is null;
    }

    /// <summary>The rule a unit name breaks, or null.</summary>
    public static string? CheckUnitName(string name)
    {
        if (name.Length is 0 or > MaxUnitNameLength)
        {
            return $"must be a unit name of 1 to {MaxUnitNameLength} characters, such as \"rsyslog.service\"";
        }
        if (!name.All(static c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '.' or '-' or '@' or '\\'))
        {
            return "must contain only A-Z a-z 0-9 and : _ . - @ \\";
        }
        var suffix = UnitSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
        return suffix is null || name.Length == suffix.Length ? "must end in a unit type, such as .service or .socket" : null;
    }
}
