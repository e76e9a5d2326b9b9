using Xunit;

namespace HostAgent.SystemTests.Node;

/// <summary>Booted-node tests run one at a time: each boots a whole systemd, and the machine has 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "booted node";
}
