using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HostAgent.Core.Configuration;

/// <summary>Durations as written in the config: a whole number and a unit, e.g. 500ms, 30s, 5m, 1h.</summary>
internal static class Duration
{
    public const string Rule = "must be a positive duration such as 500ms, 30s or 5m";

    /// <summary>Timers and retry back-off reject very long periods; a day is well past any sane setting.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    public static bool TryParse(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        var scale = text[digits..] switch
        {
            "ms" => TimeSpan.TicksPerMillisecond,
            "s" => TimeSpan.TicksPerSecond,
            "m" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            _ => 0,
        };
        if (digits == 0 || scale == 0)
        {
            error = Rule;
            return false;
        }
        // Only digits remain, so a failed parse means the number overflowed.
        var parsed = long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount);
        if (parsed && amount == 0)
        {
            error = Rule;
            return false;
        }
        if (!parsed || amount > Maximum.Ticks / scale)
        {
            error = "must be at most 24h";
            return false;
        }
        value = TimeSpan.FromTicks(amount * scale);
        error = null;
        return true;
    }

    /// <summary>The shortest exact spelling in the largest whole unit; sub-millisecond parts round up.</summary>
    public static string Format(TimeSpan value)
    {
        var milliseconds = Math.Max(0, (value.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
        var (amount, unit) = milliseconds switch
        {
            0 => (0L, "ms"),
            _ when milliseconds % 3_600_000 == 0 => (milliseconds / 3_600_000, "h"),
            _ when milliseconds % 60_000 == 0 => (milliseconds / 60_000, "m"),
            _ when milliseconds % 1_000 == 0 => (milliseconds / 1_000, "s"),
            _ => (milliseconds, "ms"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{amount}{unit}");
    }
}
