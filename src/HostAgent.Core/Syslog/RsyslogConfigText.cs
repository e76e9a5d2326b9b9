using System.Text.RegularExpressions;

namespace HostAgent.Core.Syslog;

/// <summary>What the agent needs to know from rsyslog's other config files, read as text. Pure.</summary>
public static partial class RsyslogConfigText
{
    /// <summary>The modules a config file loads, by module(load="...") or the legacy $ModLoad.</summary>
    public static IReadOnlyList<string> LoadedModules(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var modules = new List<string>();
        foreach (var line in StripComments(text))
        {
            modules.AddRange(ModuleLoad().Matches(line).Select(m => m.Groups["name"].Value));
            if (LegacyModLoad().Match(line) is { Success: true } legacy)
            {
                modules.Add(legacy.Groups["name"].Value);
            }
        }
        return modules.Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The work directory a config file sets, by global(workDirectory="...") or the legacy $WorkDirectory; the last wins.</summary>
    public static string? WorkDirectory(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? directory = null;
        foreach (var line in StripComments(text))
        {
            if (WorkDirectorySetting().Matches(line) is { Count: > 0 } settings)
            {
                directory = settings[^1].Groups["path"].Value;
            }
            else if (LegacyWorkDirectory().Match(line) is { Success: true } legacy)
            {
                directory = legacy.Groups["path"].Value;
            }
        }
        return directory;
    }

    /// <summary>
    /// The main config with every mention of the drop-in directory pointed at <paramref name="replacement"/>, so a
    /// candidate can be checked in a copy of the directory; null when the main config never mentions it.
    /// </summary>
    public static string? RedirectDropIns(string mainConfig, string dropInDirectory, string replacement)
    {
        ArgumentNullException.ThrowIfNull(mainConfig);
        var directory = dropInDirectory.TrimEnd('/');
        var pattern = new Regex(Regex.Escape(directory) + "(?=/|\"|\\s|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline);
        var mentioned = false;
        var lines = mainConfig.Split('\n').Select(line =>
        {
            if (line.TrimStart().StartsWith('#') || !pattern.IsMatch(line))
            {
                return line;
            }
            mentioned = true;
            return pattern.Replace(line, replacement.TrimEnd('/'));
        }).ToList();
        return mentioned ? string.Join('\n', lines) : null;
    }

    private static IEnumerable<string> StripComments(string text) =>
        text.Split('\n').Select(line => line.TrimStart()).Where(line => !line.StartsWith('#'));

    /// <summary>"builtin:omfile" and "imuxsock.so" name the same modules as "omfile" and "imuxsock".</summary>
    private static string Normalize(string name)
    {
        var slash = name.LastIndexOf('/');
        var bare = slash >= 0 ? name[(slash + 1)..] : name;
        bare = bare.StartsWith("builtin:", StringComparison.Ordinal) ? bare["builtin:".Length..] : bare;
        return bare.EndsWith(".so", StringComparison.Ordinal) ? bare[..^3] : bare;
    }

    [GeneratedRegex(@"module\s*\(\s*load\s*=\s*""(?<name>[^""]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModuleLoad();

    [GeneratedRegex(@"^\$ModLoad\s+(?<name>\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegacyModLoad();

    [GeneratedRegex(@"\bworkDirectory\s*=\s*""(?<path>[^""]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkDirectorySetting();

    [GeneratedRegex(@"^\$WorkDirectory\s+(?<path>\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegacyWorkDirectory();
}
