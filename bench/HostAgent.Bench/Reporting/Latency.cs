using System.Diagnostics;

namespace HostAgent.Bench.Reporting;

/// <summary>Percentiles (nearest rank) of a set of durations, in milliseconds.</summary>
internal sealed record Latency(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static readonly Latency Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Latency FromTicks(IEnumerable<long> ticks)
    {
        var sorted = ticks.Select(ToMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }
        return new Latency(sorted.Length, Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), sorted[^1], sorted.Average());
    }

    public static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : Rank(sorted, 50);
    }

    private static double Rank(double[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
