namespace HostAgent.Daemon.Tests.Support;

/// <summary>A private directory for a test's files, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hostagent-daemon-tests-");

    public string Path => _directory.FullName;

    /// <summary>Writes a file into the directory and returns its full path.</summary>
    public string Write(string name, string contents)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
