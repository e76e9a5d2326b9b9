using HostAgent.Core.Bgp;

namespace HostAgent.TestFakes;

/// <summary>Drain state files in memory.</summary>
public sealed class FakeDrainStore : IBgpDrainStore
{
    private readonly Dictionary<string, BgpDrainState> _files = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public BgpDrainState Load(string path)
    {
        lock (_files)
        {
            return _files.GetValueOrDefault(path) ?? BgpDrainState.NotDrained;
        }
    }

    public void Save(string path, BgpDrainState state)
    {
        lock (_files)
        {
            _files[path] = state;
            Saves++;
        }
    }
}
