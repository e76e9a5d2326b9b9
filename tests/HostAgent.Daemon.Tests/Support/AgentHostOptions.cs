using HostAgent.TestFakes;
using Microsoft.Extensions.DependencyInjection;

namespace HostAgent.Daemon.Tests.Support;

/// <summary>How to start an <see cref="AgentHost"/>.</summary>
internal sealed record AgentHostOptions
{
    /// <summary>The config file's contents.</summary>
    public string Config { get; init; } = TestConfig.Json();

    /// <summary>Prepares the fakes before the agent starts, i.e. what the host looked like at boot.</summary>
    public Action<FakeKernelNetwork, FakeSysctl>? Seed { get; init; }

    /// <summary>Replaces the system clock, for retries driven by the test.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>
    /// Uses the process-wide default Prometheus registry (as the daemon does) instead of a private one.
    /// Only one test may set it: hosts sharing that registry would see each other's counts.
    /// </summary>
    public bool DefaultRegistry { get; init; }

    /// <summary>More adapters for the host, e.g. a fake service manager, unit monitor or notifier.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
