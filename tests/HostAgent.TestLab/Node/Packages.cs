using HostAgent.TestLab.Daemon;

namespace HostAgent.TestLab.Node;

/// <summary>The RPMs ./build.sh package made: dist/hostagent-VERSION-RELEASE.x86_64.rpm, one per target.</summary>
public static class Packages
{
    /// <summary>The targets and the newest glibc each ships: EL8 has 2.28, EL9 2.34.</summary>
    public static IReadOnlyDictionary<string, Version> GlibcOf { get; } = new Dictionary<string, Version>
    {
        ["el8"] = new(2, 28),
        ["el9"] = new(2, 34),
    };

    public static string Directory => Environment.GetEnvironmentVariable("HOSTAGENT_DIST") ?? Path.Combine(AgentBinary.RepositoryRoot, "dist");

    /// <summary>The package for a target such as "el9".</summary>
    public static string Find(string target)
    {
        var found = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, $"hostagent-*.{target}.x86_64.rpm")
            : [];
        return found.Length == 1
            ? found[0]
            : throw new FileNotFoundException($"expected one hostagent-*.{target}.x86_64.rpm in {Directory}, found {found.Length}; run ./build.sh package first");
    }
}
