using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using Microsoft.Extensions.Logging;

namespace HostAgent.Core.Bgp;

/// <summary>
/// Owns the node's BGP announcement: renders the daemon's config from the settings, has the daemon check it,
/// applies only the difference, keeps the config file in step, starts the daemon when it is down, compares what
/// neighbors are sent with what they should be, and drains for maintenance.
/// </summary>
public sealed partial class BgpComponent : IComponent, IUnitOwner
{
    public const string ComponentName = "bgp";

    /// <summary>How long a started daemon may take to answer on its vty socket.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly IBgpDaemon _daemon;
    private readonly IServiceManager? _services;
    private readonly IKernelNetwork _kernel;
    private readonly IBgpDrainStore _drainStore;
    private readonly ConfigHolder _config;
    private readonly BgpWakeups _wakeups;
    private readonly IBgpMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();

    // The verdict on the last target, so an unchanged target is not checked on every run: the checker's, or
    // a refusal while applying it, which holds for as long as the same bgpd (Pid) runs.
    private (string Target, BgpCheckResult Result, int? Pid)? _lastCheck;

    // The drained state and the file it came from; read once, then kept in step with every change.
    private (string Path, BgpDrainState State)? _drain;

    // Until then, announcements may still lag the last change (an apply, a start, a refresh).
    private DateTimeOffset _settleUntil;

    private BgpApplyRecord? _lastApply;
    private BgpStatus? _status;

    public BgpComponent(
        IBgpDaemon daemon,
        IServiceManager? services,
        IKernelNetwork kernel,
        IBgpDrainStore drainStore,
        ConfigHolder config,
        BgpWakeups wakeups,
        IBgpMetrics metrics,
        TimeProvider time,
        ILogger<BgpComponent> logger)
    {
        _daemon = daemon;
        _services = services;
        _kernel = kernel;
        _drainStore = drainStore;
        _config = config;
        _wakeups = wakeups;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public string Name => ComponentName;

    public bool ObserveOnly => _config.Current.Agent.ObserveOnly || _config.Current.Bgp?.ObserveOnly == true;

    public IReadOnlyCollection<string> OwnedUnits => _config.Current.Bgp is { } bgp ? [bgp.ServiceUnit] : [];

    /// <summary>The last observation's BGP view; null before the first.</summary>
    public BgpStatus? Status => Volatile.Read(ref _status);

    public async ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        if (_config.Current.Bgp is not { } settings)
        {
            // Whether the component runs is decided at start; a reload cannot take it away mid-flight.
            return new ComponentPlan(
                new Plan([], [new Finding(FindingSeverity.Notice, "the bgp section is gone from the config: bgpd is left as it is until the agent restarts")]),
                [],
                []);
        }
        var now = _time.GetUtcNow();
        var drain = DrainState(settings);
        var phase = drain.PhaseAt(now, settings.DrainWithdrawDelay);
        if (phase == DrainPhase.Shutdown && drain.WithdrawAt(settings.DrainWithdrawDelay) is { } withdrawAt)
        {
            _wakeups.WakeAt(withdrawAt, "drain withdraw delay over");
        }
        // Sessions change without telling anyone: look again after the poll interval, whatever else wakes the loop.
        _wakeups.WakeAt(now + settings.SessionPollInterval, "session poll");
        var tooling = BgpTooling.From(settings);
        if (!TryResolveRouterId(settings, out var routerId, out var problem))
        {
            var probe = _daemon.Probe(tooling);
            Publish(new BgpStatus(settings.Flavor, settings.LocalAsn, null, problem, probe, [], settings.Announce, [], drain, phase,
                drain.WithdrawAt(settings.DrainWithdrawDelay), null, 0, _lastApply, now));
            return new ComponentPlan(new Plan([], [new Finding(FindingSeverity.Conflict, problem)]), [], [new StateField("daemon", probe.ToString())]);
        }
        var desired = BgpDesired.From(settings, routerId, phase);
        var target = BgpConfigRenderer.Render(desired);
        var observed = await ObserveAsync(settings, tooling, desired, target, now, cancellationToken).ConfigureAwait(false);
        var plan = BgpPlanner.Plan(new BgpPlanInput(desired, target, settings, observed));
        if (plan.RecheckAt is { } recheck)
        {
            _wakeups.WakeAt(recheck, "announcements settled");
        }
        Publish(ToStatus(settings, desired, drain, observed, plan));
        return new ComponentPlan(plan.Plan, BgpStateFields.Describe(desired, settings, drain), BgpStateFields.Describe(observed, plan, settings));
    }

    private bool TryResolveRouterId(BgpSettings settings, out uint routerId, out string problem)
    {
        problem = "";
        if (settings.RouterId is { } configured)
        {
            routerId = configured;
            return true;
        }
        routerId = 0;
        var name = settings.RouterIdInterface!;
        var link = _kernel.GetLink(name);
        if (link is null)
        {
            problem = $"no router id: bgp.routerIdInterface {name} does not exist (set bgp.routerId, or fix the interface name)";
            return false;
        }
        var addresses = _kernel.GetAddresses(link.Index);
        if (addresses.Count == 0)
        {
            problem = $"no router id: bgp.routerIdInterface {name} has no IPv4 address";
            return false;
        }
        routerId = addresses[0].Address;
        return true;
    }

    private BgpStatus ToStatus(BgpSettings settings, BgpDesired desired, BgpDrainState drain, BgpObserved observed, BgpPlan plan)
    {
        var neighbors = desired.Neighbors
            .Select(n => new BgpNeighborStatus(
                n,
                observed.Show?.Sessions.FirstOrDefault(s => s.Neighbor == n.Address),
                plan.Announcements.FirstOrDefault(a => a.Neighbor == n.Address)))
            .ToList();
        return new BgpStatus(
            settings.Flavor,
            settings.LocalAsn,
            desired.RouterId,
            null,
            observed.Daemon,
            neighbors,
            desired.Prefixes,
            observed.Show?.LocalRoutes ?? [],
            drain,
            desired.Phase,
            drain.WithdrawAt(settings.DrainWithdrawDelay),
            observed.Check,
            plan.Change.Count,
            _lastApply,
            observed.Now);
    }

    private void Publish(BgpStatus status)
    {
        Volatile.Write(ref _status, status);
        _metrics.Observed(status);
    }
}
