using System.Runtime.Versioning;
using HostAgent.Linux.Files;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Bgp;

/// <summary>
/// A file in a directory only root (and, when given, the daemon's own user) can enter, removed on Dispose:
/// configs hold neighbor passwords.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class PrivateTempFile : IDisposable
{
    private readonly DirectoryInfo _directory;

    /// <param name="owner">The daemon's user and group, for checkers that drop root before reading the file.</param>
    public PrivateTempFile(string text, string name, FileOwner? owner = null)
    {
        // CreateTempSubdirectory makes the directory with mode 0700.
        _directory = Directory.CreateTempSubdirectory("hostagent-bgp-");
        Path = System.IO.Path.Combine(_directory.FullName, name);
        try
        {
            File.WriteAllText(Path, text);
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (owner is { } o && (LibC.Chown(_directory.FullName, o.Uid, o.Gid) != 0 || LibC.Chown(Path, o.Uid, o.Gid) != 0))
            {
                throw new IOException($"cannot hand {Path} to {o.Uid}:{o.Gid}: {Errno.Describe(Errno.Last)}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless and must not hide the result.
        }
    }
}
