using System.Runtime.Versioning;
using HostAgent.Core.Syslog;
using HostAgent.Linux.Files;

namespace HostAgent.Linux.Syslog;

/// <summary>Reads the component's files and replaces them atomically (<see cref="AtomicFile"/>).</summary>
[SupportedOSPlatform("linux")]
public sealed class AtomicSyslogFiles : ISyslogFiles
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void WriteAtomic(string path, string content)
    {
        // The state directory and a service's drop-in directory may not exist yet.
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? "/", DirectoryMode);
        AtomicFile.Write(path, content, FileMode);
    }
}
