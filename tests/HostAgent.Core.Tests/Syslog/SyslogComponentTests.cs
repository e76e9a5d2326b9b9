using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Syslog;
using HostAgent.TestFakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

public class SyslogComponentTests
{
    private const string Sock = "/run/hostagent/syslog/log";

    private readonly FakeSocketDirectory _directory = new();
    private readonly FakeRsyslog _rsyslog = new();
    private readonly FakeSyslogFiles _files = new();
    private readonly RecordingSyslogReporter _reporter = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));
    private readonly FakeRsyslogService _service;
    private readonly FakeSyslogCanary _canary;
    private readonly ConfigHolder _config;
    private readonly SyslogComponent _component;
    private readonly ComponentRunner _runner;

    public SyslogComponentTests()
    {
        _service = new FakeRsyslogService(_directory, Sock);
        _service.SetUnit("rsyslog.service", "inactive", "dead");
        _canary = new FakeSyslogCanary(_directory);
        _config = new ConfigHolder(Config(new SyslogSettings { Servers = new([new SyslogServerSettings("10.0.0.1")]) }), "/etc/hostagent/hostagent.json", _time.GetUtcNow());
        _component = new SyslogComponent(_config, _directory, _canary, _rsyslog, _files, null, _service, _reporter, _time);
        _runner = new ComponentRunner(_component, () => new ReconcileTiming(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            new EventHub(), NullReconcileMetrics.Instance, _time, NullLogger.Instance);
    }

    private static HostAgentConfig Config(SyslogSettings syslog)
    {
        var cidr = Core.Networking.Ipv4Cidr.Parse("10.216.0.0/24");
        return new HostAgentConfig(new AgentSettings(), new NetworkSettings { PodCidr = cidr, Gateway = cidr.FirstHost }, syslog);
    }

    [Fact]
    public async Task RunOnce_FreshNode_BuildsEverythingAndVerifiesInSync()
    {
        var result = await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);

        Assert.True(result.InSync, result.Error);
        Assert.Equal(["create-directory", "create-directory", "write-file", "start-rsyslog"], result.Applied.Select(a => a.Kind));
        Assert.Equal(["mkdir /run/hostagent/syslog 0755 0:0", "mkdir /var/spool/rsyslog 0700 0:0"], _directory.Calls);
        Assert.Equal(["start rsyslog.service"], _service.Jobs);
        var dropIn = _files.Read("/etc/rsyslog.d/10-hostagent.conf");
        Assert.NotNull(dropIn);
        Assert.Equal(SyslogText.Hash(dropIn) + "\n", _files.Read("/var/lib/hostagent/syslog/applied-drop-in.sha256"));
        Assert.Equal([SocketEventKind.Missing, SocketEventKind.Accepting], _reporter.SocketEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task RunOnce_AgainWithNothingChanged_NoRestart()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);

        var second = await _runner.RunOnceAsync(apply: true, "resync", CancellationToken.None);

        Assert.True(second.InSync);
        Assert.Empty(second.Applied);
        Assert.Single(_service.Jobs);
    }

    [Fact]
    public async Task RunOnce_CandidateRejected_NothingWrittenRsyslogNotRestartedCheckedOnce()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        var applied = _files.Read("/etc/rsyslog.d/10-hostagent.conf");
        _rsyslog.Verdict = new RsyslogCheck(false, "rsyslogd: error: certificate file /etc/pki/ca.pem couldn't be accessed: No such file or directory");
        _config.Accept(Config(new SyslogSettings
        {
            Servers = new([new SyslogServerSettings("10.0.0.1"), new SyslogServerSettings("10.0.0.2", TlsCaFile: "/etc/pki/ca.pem")]),
        }), _time.GetUtcNow());
        var checksBefore = _rsyslog.Checked.Count;

        var rejected = await _runner.RunOnceAsync(apply: true, "config reloaded", CancellationToken.None);
        await _runner.RunOnceAsync(apply: true, "resync", CancellationToken.None);

        Assert.False(rejected.InSync);
        Assert.Empty(rejected.Applied);
        Assert.Contains(rejected.Findings, f => f.Severity == FindingSeverity.Conflict && f.Message.Contains("certificate file /etc/pki/ca.pem", StringComparison.Ordinal));
        Assert.Equal(applied, _files.Read("/etc/rsyslog.d/10-hostagent.conf"));
        Assert.Equal(["start rsyslog.service"], _service.Jobs);
        Assert.Equal(checksBefore + 1, _rsyslog.Checked.Count);
    }

    [Fact]
    public async Task RunOnce_SocketReplacedByRestart_ReportedAsReplacedAndNothingToDo()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);

        _directory.PutSocket(Sock);
        var result = await _runner.RunOnceAsync(apply: true, "socket created", CancellationToken.None);

        Assert.True(result.InSync);
        Assert.Empty(result.Applied);
        Assert.Equal([SocketEventKind.Missing, SocketEventKind.Accepting, SocketEventKind.Replaced], _reporter.SocketEvents.Select(e => e.Kind));
        Assert.Equal(1UL, _component.Transitions.Replacements);
    }

    [Fact]
    public async Task RunOnce_SocketRemoved_RsyslogRestartedAndSocketBack()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        _directory.Remove(Sock);
        var result = await _runner.RunOnceAsync(apply: true, "socket removed", CancellationToken.None);

        Assert.True(result.InSync, result.Error);
        Assert.Equal(["restart-rsyslog"], result.Applied.Select(a => a.Kind));
        // Back after being missing, with a new inode: a replacement.
        Assert.Equal(
            [SocketEventKind.Missing, SocketEventKind.Accepting, SocketEventKind.Missing, SocketEventKind.Replaced],
            _reporter.SocketEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task ApplyRestart_TwiceWithinMinInterval_SecondWaitsForTheClock()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        var restart = new RestartRsyslog("rsyslog.service", false, "test");

        var waiting = _component.ApplyAsync(restart, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(30));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["start rsyslog.service", "restart rsyslog.service"], _service.Jobs);
    }

    [Fact]
    public async Task RunOnce_SocketOwnerConfigured_SetAfterRsyslogMadeIt()
    {
        _config.Accept(Config(new SyslogSettings { Owner = "syslog", Group = "adm", SocketMode = Convert.ToInt32("660", 8) }), _time.GetUtcNow());

        var result = await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);

        Assert.True(result.InSync, result.Error);
        Assert.Equal(
            ["mkdir /run/hostagent/syslog 0755 104:4", "mkdir /var/spool/rsyslog 0700 0:0", $"chown {Sock} 104:4", $"chmod {Sock} 0660"],
            _directory.Calls);
    }

    [Fact]
    public async Task RunOnce_RestartFails_ErrorAndRetried()
    {
        _service.NextResult = Core.Units.UnitJobResult.Failed;

        var result = await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);

        Assert.False(result.InSync);
        Assert.Contains("start rsyslog.service: failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_QueueFullForAMoment_NoDrift()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        _canary.Next.Enqueue(CanaryOutcome.Full);
        _canary.Next.Enqueue(CanaryOutcome.Full);

        var result = await RunAdvancingClockAsync();

        Assert.True(result.InSync);
        Assert.Empty(result.Applied);
    }

    [Fact]
    public async Task RunOnce_QueueStaysFull_RsyslogRestarted()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        // Full at the first send and at every retry; the restarted rsyslog reads it again.
        for (var i = 0; i < 11; i++)
        {
            _canary.Next.Enqueue(CanaryOutcome.Full);
        }

        var result = await RunAdvancingClockAsync();

        Assert.Equal(["restart-rsyslog"], result.Applied.Select(a => a.Kind));
        Assert.Contains("the socket refused the canary (full: fake)", result.Applied[0].Description, StringComparison.Ordinal);
    }

    /// <summary>One run, with the fake clock moved on while it waits (the canary's retries on a full queue).</summary>
    private async Task<ComponentResult> RunAdvancingClockAsync()
    {
        var run = _runner.RunOnceAsync(apply: true, "canary", CancellationToken.None);
        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(run, Task.Delay(5));
        }
        return await run;
    }

    [Fact]
    public void OwnedUnits_ProcessControl_OnlyRsyslog()
    {
        Assert.Equal(["rsyslog.service"], _component.OwnedUnits);
    }

    [Fact]
    public async Task PlanAsync_StatsWithoutProgress_UnreachableInStatus()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        _rsyslog.Stats = new RsyslogStats(_time.GetUtcNow(), [new ActionStats("hostagent-fwd-0", 15, 0, 0, new QueueStats(10, 0, 15, 0))], 15);
        await _component.PlanAsync(CancellationToken.None);
        _rsyslog.Stats = new RsyslogStats(_time.GetUtcNow().AddSeconds(10), [new ActionStats("hostagent-fwd-0", 1505, 0, 0, new QueueStats(300, 1200, 1505, 0))], 1505);

        var plan = await _component.PlanAsync(CancellationToken.None);

        Assert.Equal("central server relp 10.0.0.1:2514 unreachable, buffering 1500 messages (1200 on disk)", Assert.Single(plan.Plan.Findings).Message);
        Assert.Contains(plan.Observed, f => f.Name == "forward hostagent-fwd-0" && f.Value.Contains("unreachable, buffering 1500 messages", StringComparison.Ordinal));
        Assert.NotNull(_reporter.LastStats);
    }

    [Fact]
    public async Task PlanAsync_SocketQueueStats_ShownInStatus()
    {
        await _runner.RunOnceAsync(apply: true, "start", CancellationToken.None);
        Assert.Contains((await _component.PlanAsync(CancellationToken.None)).Observed, f => f == new StateField("socket queue", "no statistics yet"));
        _rsyslog.Stats = new RsyslogStats(_time.GetUtcNow(), [], 9000, new QueueStats(40, 2500, 9000, 3));

        var plan = await _component.PlanAsync(CancellationToken.None);

        Assert.Contains(plan.Observed, f => f == new StateField("socket queue", "2540 waiting (2500 on disk); enqueued 9000, discarded 3"));
    }
}
