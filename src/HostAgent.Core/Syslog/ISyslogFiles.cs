namespace HostAgent.Core.Syslog;

/// <summary>The files the component writes: the drop-in, the unit files, its applied-drop-in marker.</summary>
public interface ISyslogFiles
{
    /// <summary>The file's text; null when it does not exist.</summary>
    string? Read(string path);

    /// <summary>Writes through a temporary file, fsync and rename, so a reader never sees half a file.</summary>
    void WriteAtomic(string path, string content);
}
