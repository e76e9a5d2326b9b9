namespace HostAgent.Core.Syslog;

/// <summary>The file system side of the socket directory: look, create, chown, chmod, label. Never deletes.</summary>
public interface ISocketDirectory
{
    /// <summary>SELinux is enforcing on this host, so the directory needs a label containers may use.</summary>
    bool SelinuxEnforcing { get; }

    /// <summary>The owner and group as ids; a name the host does not know comes back null.</summary>
    AccountIds Resolve(string owner, string group);

    /// <summary>What is at the path, without following a final symbolic link; the label only when asked.</summary>
    PathObservation Observe(string path, bool readLabel);

    /// <summary>Creates the directory (and missing parents) with this mode and owner.</summary>
    void CreateDirectory(string path, int mode, uint uid, uint gid);

    void SetOwner(string path, uint uid, uint gid);

    void SetMode(string path, int mode);

    void SetSelinuxLabel(string path, string label);
}
