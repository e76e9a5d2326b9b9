using System.Runtime.Versioning;

namespace HostAgent.Linux.Files;

/// <summary>A synced temporary file beside its target, renamed over it by <see cref="Commit"/> or removed by Dispose.</summary>
[SupportedOSPlatform("linux")]
public sealed class PreparedFile : IDisposable
{
    private readonly string _directory;
    private bool _committed;

    internal PreparedFile(string temporary, string path, string directory)
    {
        Temporary = temporary;
        Path = path;
        _directory = directory;
    }

    public string Temporary { get; }

    public string Path { get; }

    public void Commit()
    {
        File.Move(Temporary, Path, overwrite: true);
        _committed = true;
        AtomicFile.SyncDirectory(_directory);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            File.Delete(Temporary);
        }
    }
}
