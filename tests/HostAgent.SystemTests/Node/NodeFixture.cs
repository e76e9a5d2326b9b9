using HostAgent.TestLab.Node;
using Xunit;

namespace HostAgent.SystemTests.Node;

/// <summary>
/// What every booted-node test shares: a Docker engine (started for the tests when none runs) and the
/// node image. Tests skip, saying why, when the machine cannot run them (not root, no Docker).
/// </summary>
public sealed class NodeFixture : IDisposable
{
    private readonly DockerEngine? _engine;
    private readonly string? _image;
    private readonly string? _unavailable;

    public NodeFixture()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            _unavailable = "needs root: runs systemd in a container";
            return;
        }
        _engine = DockerEngine.Start(Path.Combine(NodeImage.CacheDirectory, "docker"));
        if (_engine is null)
        {
            _unavailable = "needs docker and dockerd (Debian package docker.io)";
            return;
        }
        try
        {
            _image = NodeImage.Ensure(_engine);
        }
        catch
        {
            _engine.Dispose();
            throw;
        }
    }

    /// <summary>Boots a fresh node, or skips the calling test when nodes cannot run here.</summary>
    public BootedNode Boot()
    {
        Skip.If(_unavailable is not null, _unavailable);
        return BootedNode.Boot(_engine!, _image!, Packages.Directory);
    }

    public void Dispose() => _engine?.Dispose();
}
