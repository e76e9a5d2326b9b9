namespace HostAgent.Core.Bgp;

/// <summary>Where the drained state is kept between agent restarts.</summary>
public interface IBgpDrainStore
{
    /// <summary>The stored state; not drained when the file does not exist.</summary>
    BgpDrainState Load(string path);

    /// <summary>Stores the state atomically; not drained removes nothing but records it, so the file says what happened last.</summary>
    void Save(string path, BgpDrainState state);
}
