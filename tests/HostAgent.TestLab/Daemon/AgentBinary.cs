namespace HostAgent.TestLab.Daemon;

/// <summary>Where the daemon under test lives: the NativeAOT binary build.sh publishes, or the JIT build.</summary>
public static class AgentBinary
{
    public const string Aot = "aot";
    public const string Jit = "jit";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Resolve(string flavor)
    {
        var candidates = flavor switch
        {
            Aot => [Path.Combine(Environment.GetEnvironmentVariable("HOSTAGENT_DIST") ?? Path.Combine(RepositoryRoot, "dist"), "hostagent")],
            Jit => new[] { "Release", "Debug" }.Select(c => Path.Combine(RepositoryRoot, "src", "HostAgent.Daemon", "bin", c, "net10.0", "hostagent")).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
        };
        var found = candidates.Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return found ?? throw new FileNotFoundException(
            $"the {flavor} hostagent binary was not found (looked for {string.Join(", ", candidates)}); run ./build.sh publish and ./build.sh build first");
    }

    /// <summary>Above the test binaries, else above this source file (builds with an external artifacts path).</summary>
    /// <summary>The published NativeAOT hostagentctl.</summary>
    public static string ResolveCli()
    {
        var path = Path.Combine(Environment.GetEnvironmentVariable("HOSTAGENT_DIST") ?? Path.Combine(RepositoryRoot, "dist"), "hostagentctl");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} not found; run ./build.sh publish first");
    }

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HostAgent.sln")))
            {
                directory = directory.Parent;
            }
            if (directory is not null)
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("HostAgent.sln not found above " + AppContext.BaseDirectory);
    }
}
