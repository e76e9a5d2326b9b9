using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Core.Syslog;

/// <summary>
/// Owns the log socket directory, the socket's health, rsyslog's drop-in (and, under systemd, the units that
/// hold the socket) and rsyslog's restarts.
/// </summary>
public sealed partial class SyslogComponent : IComponent, IUnitOwner
{
    public const string ComponentName = "syslog";

    /// <summary>How long a restart may take before the socket must take the canary again.</summary>
    public static readonly TimeSpan SocketWaitAfterRestart = TimeSpan.FromSeconds(10);

    private const int FullRetries = 10;
    private static readonly TimeSpan FullRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly ConfigHolder _config;
    private readonly SyslogSettings _initial;
    private readonly ISocketDirectory _directory;
    private readonly ISyslogCanary _canary;
    private readonly IRsyslog _rsyslog;
    private readonly ISyslogFiles _files;
    private readonly ISystemdUnitFiles? _unitFiles;
    private readonly IServiceManager? _services;
    private readonly ISyslogReporter _reporter;
    private readonly TimeProvider _time;
    private readonly SocketTransitions _transitions = new();

    // rsyslogd -N1 takes tens of milliseconds; a rejected candidate is checked once, not at every resync.
    private (string Hash, RsyslogCheck Check)? _lastCheck;
    private RsyslogStats? _stats;
    private RsyslogStats? _previousStats;
    private long? _lastRestart;
    private CanaryResult? _lastCanary;

    public SyslogComponent(
        ConfigHolder config,
        ISocketDirectory directory,
        ISyslogCanary canary,
        IRsyslog rsyslog,
        ISyslogFiles files,
        ISystemdUnitFiles? unitFiles,
        IServiceManager? services,
        ISyslogReporter reporter,
        TimeProvider time)
    {
        _config = config;
        _initial = config.Current.Syslog ?? throw new ArgumentException("the config has no syslog section", nameof(config));
        _directory = directory;
        _canary = canary;
        _rsyslog = rsyslog;
        _files = files;
        _unitFiles = unitFiles;
        _services = services;
        _reporter = reporter;
        _time = time;
    }

    public string Name => ComponentName;

    /// <summary>The settings in force: the component was created with a syslog section, and keeps its last one if a reload drops it.</summary>
    public SyslogSettings Settings => _config.Current.Syslog ?? _initial;

    public bool ObserveOnly => _config.Current.Agent.ObserveOnly || Settings.ObserveOnly;

    public ServiceControl Control => _services?.Kind switch
    {
        "systemd" => ServiceControl.Systemd,
        null => ServiceControl.None,
        _ => ServiceControl.Process,
    };

    public IReadOnlyCollection<string> OwnedUnits =>
        Control == ServiceControl.Systemd && Settings.HoldSocket ? [Settings.ServiceUnit, HeldSocketUnits.SocketUnit] : [Settings.ServiceUnit];

    /// <summary>The socket events seen so far; for status.</summary>
    public SocketTransitions Transitions => _transitions;

    public string MarkerPath => Path.Combine(Settings.StateDirectory, "applied-drop-in.sha256");

    public SyslogDesired Desired(SyslogSettings settings, RsyslogFacts facts) =>
        SyslogDesired.From(settings, facts, Control, _directory.SelinuxEnforcing);

    public async ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        var facts = _rsyslog.Facts(settings);
        var desired = Desired(settings, facts);
        var observed = await ObserveAsync(settings, facts, desired, cancellationToken).ConfigureAwait(false);
        var plan = SyslogPlanner.Plan(desired, observed);
        return new ComponentPlan(plan, SyslogStateFields.Describe(desired), SyslogStateFields.Describe(observed, desired, _transitions));
    }

    private async Task<SyslogObserved> ObserveAsync(SyslogSettings settings, RsyslogFacts facts, SyslogDesired desired, CancellationToken cancellationToken)
    {
        var accounts = _directory.Resolve(settings.Owner, settings.Group);
        var directory = _directory.Observe(desired.Directory, readLabel: desired.SelinuxEnforcing);
        var socket = _directory.Observe(desired.SocketPath, readLabel: false);
        var canary = socket.Kind == PathKind.Socket ? await SendCanaryAsync(desired.SocketPath, cancellationToken).ConfigureAwait(false) : null;
        if (canary is not null)
        {
            _lastCanary = canary;
            _reporter.CanarySent(canary);
        }
        if (_transitions.Observe(socket, canary, _time.GetUtcNow()) is { } change)
        {
            _reporter.SocketChanged(change.Kind, change.Detail);
        }
        var dropIn = _files.Read(desired.DropIn.Path);
        var check = dropIn != desired.DropIn.Content && facts.IncludesDropIns
            ? await CheckAsync(settings, desired.DropIn.Content, cancellationToken).ConfigureAwait(false)
            : null;
        var unitFiles = desired.UnitFiles.Select(f => _files.Read(f.Path)).ToList();
        var service = _services is null ? null : await _services.GetStateAsync(desired.ServiceUnit, cancellationToken).ConfigureAwait(false);
        var socketUnit = desired.Holder == SocketHolder.Systemd && _services is not null
            ? await _services.GetStateAsync(HeldSocketUnits.SocketUnit, cancellationToken).ConfigureAwait(false)
            : null;
        ReadStats(desired);
        return new SyslogObserved(
            accounts,
            directory,
            socket,
            canary,
            dropIn,
            _files.Read(MarkerPath)?.Trim(),
            check,
            facts.IncludesDropIns,
            unitFiles,
            service,
            socketUnit,
            _stats,
            _previousStats,
            _directory.Observe(desired.SpoolDirectory, readLabel: false));
    }

    /// <summary>
    /// A full queue right after rsyslog started (a burst its input has not read yet) drains within milliseconds;
    /// only a queue that stays full means nobody reads it.
    /// </summary>
    private async Task<CanaryResult> SendCanaryAsync(string socketPath, CancellationToken cancellationToken)
    {
        var result = _canary.Send(socketPath);
        for (var attempt = 0; result.Outcome == CanaryOutcome.Full && attempt < FullRetries; attempt++)
        {
            await Task.Delay(FullRetryDelay, _time, cancellationToken).ConfigureAwait(false);
            result = _canary.Send(socketPath);
        }
        return result;
    }

    private async Task<RsyslogCheck> CheckAsync(SyslogSettings settings, string candidate, CancellationToken cancellationToken)
    {
        var hash = SyslogText.Hash(candidate);
        if (_lastCheck is { } last && last.Hash == hash)
        {
            return last.Check;
        }
        var check = await _rsyslog.CheckAsync(settings, candidate, cancellationToken).ConfigureAwait(false);
        _lastCheck = (hash, check);
        return check;
    }

    private void ReadStats(SyslogDesired desired)
    {
        if (desired.StatsFile is null || _rsyslog.ReadStats(desired.StatsFile) is not { } stats)
        {
            return;
        }
        if (_stats is null || stats.Written != _stats.Written)
        {
            _previousStats = _stats;
            _stats = stats;
            _reporter.StatsRead(desired.Targets, stats);
        }
    }

    /// <summary>The last canary result, for status between runs.</summary>
    public CanaryResult? LastCanary => _lastCanary;
}
