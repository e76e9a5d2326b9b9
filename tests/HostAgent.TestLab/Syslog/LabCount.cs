using System.Globalization;

namespace HostAgent.TestLab.Syslog;

/// <summary>What arrived of a numbered stream: distinct numbers, duplicates and what is missing.</summary>
/// <param name="Examples">The first few missing and duplicated numbers, to tell where in the stream they were.</param>
public sealed record LabCount(int Sent, int Distinct, int Duplicates, string Examples = "")
{
    /// <summary>The numbers that never arrived, in order.</summary>
    public IReadOnlyList<int> MissingNumbers { get; init; } = [];

    /// <summary>The tag of the lab's numbered messages ("lab-client: seq N").</summary>
    public const string ClientTag = "lab-client";

    public int Lost => Sent - Distinct;

    /// <summary>Counts "... seq N" lines of the lab client (or of the client with <paramref name="tag"/>) among <paramref name="lines"/>.</summary>
    public static LabCount Of(IEnumerable<string> lines, int sent, string tag = ClientTag)
    {
        var seen = new HashSet<int>();
        var duplicates = 0;
        var repeated = new List<int>();
        foreach (var line in lines)
        {
            var at = line.LastIndexOf("seq ", StringComparison.Ordinal);
            if (at < 0 || !line.Contains(tag, StringComparison.Ordinal)
                || !int.TryParse(line.AsSpan(at + 4).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                continue;
            }
            if (!seen.Add(sequence))
            {
                duplicates++;
                repeated.Add(sequence);
            }
        }
        var missing = Enumerable.Range(0, sent).Where(n => !seen.Contains(n)).ToList();
        var examples = $"missing [{string.Join(", ", missing.Take(10))}], duplicated [{string.Join(", ", repeated.Take(10))}]";
        return new LabCount(sent, seen.Count, duplicates, examples) { MissingNumbers = missing };
    }

    public override string ToString() => $"{Sent} sent, {Distinct} arrived, {Lost} lost, {Duplicates} duplicated ({Examples})";
}
