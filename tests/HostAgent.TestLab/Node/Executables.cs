namespace HostAgent.TestLab.Node;

/// <summary>Whether the programs a test needs are installed.</summary>
public static class Executables
{
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Any(directory => File.Exists(Path.Combine(directory, name)));
}
