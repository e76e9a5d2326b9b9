using HostAgent.Core.Syslog;

namespace HostAgent.TestFakes;

/// <summary>Counts daemon-reloads.</summary>
public sealed class FakeSystemdUnitFiles : ISystemdUnitFiles
{
    public int Reloads { get; private set; }

    public Task DaemonReloadAsync(CancellationToken cancellationToken)
    {
        Reloads++;
        return Task.CompletedTask;
    }
}
