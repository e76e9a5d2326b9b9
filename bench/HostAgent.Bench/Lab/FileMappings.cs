using System.Globalization;

namespace HostAgent.Bench.Lab;

/// <summary>Resident pages per mapped file, from /proc/PID/smaps: shows what the file-backed part of RSS is made of.</summary>
internal static class FileMappings
{
    public static IReadOnlyList<(string File, long RssKb)> Largest(int pid, int count)
    {
        var perFile = new Dictionary<string, long>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    var kb = long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    perFile[current] = perFile.GetValueOrDefault(current) + kb;
                }
                continue;
            }
            // A mapping header: "start-end perms offset dev inode [path]"; attribute lines have no '-' range first.
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                current = fields.Length == 6 && fields[5].StartsWith('/') ? fields[5].Trim() : null;
            }
        }
        return [.. perFile.OrderByDescending(pair => pair.Value).Take(count).Select(pair => (Path.GetFileName(pair.Key), pair.Value))];
    }
}
