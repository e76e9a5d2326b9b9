using Xunit;

namespace HostAgent.Daemon.Tests.Support;

/// <summary>Tests that read or set process environment variables; run alone so they never see each other's values.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
