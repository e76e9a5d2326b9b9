using System.Globalization;

namespace HostAgent.Linux.Processes;

/// <summary>Reads processes from /proc; a pid file's number is only trusted once the process behind it is checked.</summary>
public static class ProcessTable
{
    /// <summary>The process with this pid, or null when there is none.</summary>
    public static ProcessEntry? Describe(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
        // "pid (comm) state ...": comm may itself hold spaces and parentheses, so take the last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
        {
            return null;
        }
        return new ProcessEntry(pid, stat[(open + 1)..close], stat[close + 2]);
    }

    /// <summary>The live process (neither a zombie nor dead) with this pid and command name; null otherwise.</summary>
    public static ProcessEntry? Live(int pid, string name) =>
        Describe(pid) is { State: not ('Z' or 'X') } entry && entry.Name == name ? entry : null;

    /// <summary>The pid a pid file holds; null when the file is missing or unreadable or holds no pid.</summary>
    public static int? ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
