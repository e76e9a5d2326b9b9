namespace HostAgent.Core.Bgp;

/// <summary>
/// A new config file written and synced to disk beside the real one, not yet in its place: it can be prepared
/// while the daemon is being changed, and put in place (or thrown away) once the change succeeded (or failed).
/// </summary>
public interface IPreparedConfigFile : IDisposable
{
    /// <summary>Renames it over the config file and syncs the directory; Dispose afterwards removes nothing.</summary>
    void Commit();
}
