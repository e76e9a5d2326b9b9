using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Tests.Configuration;
using HostAgent.TestFakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HostAgent.Core.Tests.Bgp;

/// <summary>A BGP component against the fake bgpd, with a fake clock and its own loop.</summary>
internal sealed class BgpComponentFixture : IDisposable
{
    public const string Tor = "192.168.77.1";

    public static readonly Ipv4Cidr Pods = Ipv4Cidr.Parse("10.216.0.0/24");

    public BgpComponentFixture(string bgp = "", bool serviceManager = true)
    {
        Config = new ConfigHolder(Load(bgp), "/etc/hostagent/hostagent.json", Time.GetUtcNow());
        Daemon.Sessions[Tor] = new BgpSession(Tor, 65000, "Established", TimeSpan.FromMinutes(5), 3, 1, 1, "tor");
        Daemon.LocalRoutes.Add(Pods);
        Wakeups = new BgpWakeups(Time);
        Wakeups.Start(reason => Signals.Add(reason));
        Component = new BgpComponent(Daemon, serviceManager ? Daemon.ServiceManager : null, Kernel, Store, Config, Wakeups, Metrics, Time, NullLogger<BgpComponent>.Instance);
        Runner = new ComponentRunner(Component, () => new ReconcileTiming(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1)),
            new EventHub(), NullReconcileMetrics.Instance, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));

    public FakeBgpDaemon Daemon { get; } = new();

    public FakeKernelNetwork Kernel { get; } = new();

    public FakeDrainStore Store { get; } = new();

    public RecordingBgpMetrics Metrics { get; } = new();

    public List<string> Signals { get; } = [];

    public ConfigHolder Config { get; }

    public BgpWakeups Wakeups { get; }

    public BgpComponent Component { get; }

    public ComponentRunner Runner { get; }

    public BgpSettings Settings => Config.Current.Bgp!;

    /// <summary>The config the component renders now.</summary>
    public string Target(DrainPhase phase = DrainPhase.Active) => BgpConfigRenderer.Render(BgpDesired.From(Settings, Settings.RouterId ?? 0, phase));

    /// <summary>bgpd runs the current target and its file holds it: in sync before the first run.</summary>
    public BgpComponentFixture InSync()
    {
        Daemon.Load(Target());
        Daemon.ConfigFile = Target();
        return this;
    }

    public Task<ComponentResult> RunAsync(string reason = "test") => Runner.RunOnceAsync(apply: true, reason, CancellationToken.None);

    public void Reload(string bgp) => Config.Accept(Load(bgp), Time.GetUtcNow());

    /// <summary>The test config with <paramref name="bgp"/> added to its bgp section; a neighbors list there replaces the ToR.</summary>
    public static HostAgentConfig Load(string bgp)
    {
        var neighbors = bgp.Contains("\"neighbors\"", StringComparison.Ordinal) ? "" : $"\"neighbors\": [ {{ \"address\": \"{Tor}\", \"remoteAsn\": 65000, \"description\": \"tor\" }} ],";
        return ConfigTestSupport.AssertValid(ConfigLoader.Parse($$"""
            {
              "network": { "podCidr": "10.216.0.0/24" },
              "bgp": {
                "localAsn": 65101,
                "routerId": "192.168.77.2",
                {{neighbors}}
                "drainWithdrawDelay": "30s"{{(bgp.Length > 0 ? ", " + bgp : "")}}
              }
            }
            """));
    }

    public void Dispose() => Wakeups.Dispose();
}
