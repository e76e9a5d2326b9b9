using System.Globalization;

namespace HostAgent.Bench.Lab;

/// <summary>Memory and CPU of one process, from /proc/PID/status and /proc/PID/stat.</summary>
/// <param name="Name">The kernel's name for the process (status "Name:"), to check the pid is the agent's and not the launcher's.</param>
/// <param name="CpuTicks">utime + stime of all threads, dead ones included, in <see cref="Native.ClockTicksPerSecond"/> units.</param>
internal readonly record struct ProcSample(
    string Name, long RssKb, long RssAnonKb, long RssFileKb, long HwmKb, int Threads, long CpuTicks, long Timestamp)
{
    public static ProcSample Read(int pid)
    {
        var timestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        var name = "";
        long rss = 0, anon = 0, file = 0, hwm = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }
            var key = line[..colon];
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "Name":
                    name = value;
                    break;
                case "VmRSS":
                    rss = Kilobytes(value);
                    break;
                case "RssAnon":
                    anon = Kilobytes(value);
                    break;
                case "RssFile":
                    file = Kilobytes(value);
                    break;
                case "VmHWM":
                    hwm = Kilobytes(value);
                    break;
                case "Threads":
                    threads = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
            }
        }
        // The command name may contain spaces and parentheses: the fields start after the last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat(5); the slice starts at field 3 (state).
        var cpu = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcSample(name, rss, anon, file, hwm, threads, cpu, timestamp);
    }

    /// <summary>CPU used between two samples, in percent of one core.</summary>
    public static double CpuPercent(ProcSample from, ProcSample to)
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(from.Timestamp, to.Timestamp).TotalSeconds;
        return seconds <= 0 ? 0 : (to.CpuTicks - from.CpuTicks) / (double)Native.ClockTicksPerSecond / seconds * 100;
    }

    private static long Kilobytes(string value) =>
        long.Parse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
}
