using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Syslog;
using HostAgent.Core.Units;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

public class SyslogPlannerTests
{
    private const string Dir = "/run/hostagent/syslog";
    private const string Sock = "/run/hostagent/syslog/log";
    private static readonly int DirMode = Convert.ToInt32("755", 8);
    private static readonly int SockMode = Convert.ToInt32("666", 8);
    private static readonly UnitState Running = new("rsyslog.service", "active", "running");
    private static readonly UnitState SocketListening = new(HeldSocketUnits.SocketUnit, "active", "listening");

    private static SyslogDesired Desired(ServiceControl control = ServiceControl.Process, bool hold = true, bool selinux = false, SyslogSettings? settings = null) =>
        SyslogDesired.From(
            (settings ?? new SyslogSettings { Servers = new([new SyslogServerSettings("10.0.0.1")]) }) with { HoldSocket = hold },
            new RsyslogFacts(true, new(["imuxsock"])),
            control,
            selinux);

    /// <summary>Everything in place and healthy: the starting point each test changes one thing of.</summary>
    private static SyslogObserved InSync(SyslogDesired desired) => new(
        new AccountIds(0, 0),
        new PathObservation(PathKind.Directory, 0, 0, DirMode, 1),
        new PathObservation(PathKind.Socket, 0, 0, SockMode, 2),
        new CanaryResult(CanaryOutcome.Accepted, "ok"),
        desired.DropIn.Content,
        SyslogText.Hash(desired.DropIn.Content),
        null,
        true,
        desired.UnitFiles.Select(f => (string?)f.Content).ToList(),
        Running,
        desired.Holder == SocketHolder.Systemd ? SocketListening : null,
        null,
        null,
        new PathObservation(PathKind.Directory, 0, 0, Convert.ToInt32("700", 8), 3));

    [Theory]
    [InlineData(ServiceControl.Process)]
    [InlineData(ServiceControl.Systemd)]
    public void Plan_EverythingInPlace_InSync(ServiceControl control)
    {
        var desired = Desired(control);

        var plan = SyslogPlanner.Plan(desired, InSync(desired));

        Assert.True(plan.InSync, string.Join("; ", plan.Actions.Select(a => a.Description).Concat(plan.Findings.Select(f => f.ToString()))));
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void Plan_FreshNode_CreatesDirectoryWritesDropInStartsRsyslog()
    {
        var desired = Desired();
        var observed = InSync(desired) with
        {
            Directory = PathObservation.Missing,
            Socket = PathObservation.Missing,
            Canary = null,
            DropIn = null,
            AppliedHash = null,
            Check = new RsyslogCheck(true, ""),
            Service = new UnitState("rsyslog.service", "inactive", "dead"),
        };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal(
            [
                new CreateSocketDirectory(Dir, DirMode, 0, 0),
                new WriteManagedFile(desired.DropIn.Path, desired.DropIn.Content, "rsyslog drop-in", false),
                new RestartRsyslog("rsyslog.service", true, "rsyslog is inactive (dead); drop-in written"),
            ],
            plan.Actions);
    }

    [Fact]
    public void Plan_DirectoryWrongOwnerAndMode_ChownsAndChmodsOnlyTheDirectory()
    {
        var desired = Desired(settings: new SyslogSettings { Owner = "syslog", Group = "adm" });
        var observed = InSync(desired) with
        {
            Accounts = new AccountIds(104, 4),
            Directory = new PathObservation(PathKind.Directory, 0, 0, Convert.ToInt32("777", 8), 1),
            Socket = new PathObservation(PathKind.Socket, 104, 4, SockMode, 2),
        };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal(
            [new SetPathOwner(Dir, 0, 0, 104, 4), new SetPathMode(Dir, Convert.ToInt32("777", 8), DirMode)],
            plan.Actions);
    }

    [Fact]
    public void Plan_SocketWrongOwnerAndMode_Fixed()
    {
        var desired = Desired();
        var observed = InSync(desired) with { Socket = new PathObservation(PathKind.Socket, 5, 5, Convert.ToInt32("600", 8), 2) };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal([new SetPathOwner(Sock, 5, 5, 0, 0), new SetPathMode(Sock, Convert.ToInt32("600", 8), SockMode)], plan.Actions);
    }

    [Fact]
    public void Plan_DirectoryIsAFile_ConflictNeverTouched()
    {
        var desired = Desired();
        var observed = InSync(desired) with { Directory = new PathObservation(PathKind.Other, 0, 0, 420, 1), Socket = PathObservation.Missing, Canary = null };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Empty(plan.Actions);
        Assert.Contains(new Finding(FindingSeverity.Conflict, $"{Dir} exists but is a file, not a directory: left untouched"), plan.Findings);
    }

    [Fact]
    public void Plan_UnknownOwner_ConflictAndNoDirectoryCreated()
    {
        var desired = Desired(settings: new SyslogSettings { Owner = "nobody-here" });
        var observed = InSync(desired) with { Accounts = new AccountIds(null, 0), Directory = PathObservation.Missing };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.DoesNotContain(plan.Actions, a => a is CreateSocketDirectory);
        Assert.Contains(new Finding(FindingSeverity.Conflict, "user nobody-here does not exist on this host (syslog.owner)"), plan.Findings);
    }

    [Fact]
    public void Plan_SelinuxEnforcingWrongType_Relabels()
    {
        var desired = Desired(selinux: true);
        var observed = InSync(desired) with
        {
            Directory = new PathObservation(PathKind.Directory, 0, 0, DirMode, 1, "system_u:object_r:var_run_t:s0"),
        };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal([new SetSelinuxLabel(Dir, "system_u:object_r:var_run_t:s0", "system_u:object_r:container_file_t:s0")], plan.Actions);
    }

    [Fact]
    public void Plan_SelinuxEnforcingRightType_NothingToDo()
    {
        var desired = Desired(selinux: true);
        var observed = InSync(desired) with
        {
            Directory = new PathObservation(PathKind.Directory, 0, 0, DirMode, 1, "system_u:object_r:container_file_t:s0:c1,c2"),
        };

        Assert.True(SyslogPlanner.Plan(desired, observed).InSync);
    }

    [Fact]
    public void Plan_DropInChangedAndAccepted_WritesThenRestartsOnce()
    {
        var desired = Desired();
        var observed = InSync(desired) with { DropIn = "old", AppliedHash = SyslogText.Hash("old"), Check = new RsyslogCheck(true, "") };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal(
            [
                new WriteManagedFile(desired.DropIn.Path, desired.DropIn.Content, "rsyslog drop-in", true),
                new RestartRsyslog("rsyslog.service", false, "drop-in changed"),
            ],
            plan.Actions);
    }

    [Fact]
    public void Plan_DropInRejectedByChecker_ConflictNothingApplied()
    {
        var desired = Desired();
        var check = new RsyslogCheck(false, "rsyslogd: version 8.2302.0, config validation run (level 1), master config x\nrsyslogd: error: certificate file /x couldn't be accessed");
        var observed = InSync(desired) with { DropIn = "old", AppliedHash = SyslogText.Hash("old"), Check = check };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Empty(plan.Actions);
        var conflict = Assert.Single(plan.Findings, f => f.Severity == FindingSeverity.Conflict);
        Assert.Equal(
            "new rsyslog drop-in rejected by rsyslogd -N1 (rsyslogd: error: certificate file /x couldn't be accessed); not applied, rsyslog keeps running the drop-in it has",
            conflict.Message);
        Assert.False(plan.InSync);
    }

    [Fact]
    public void Plan_DropInInPlaceButNotApplied_RestartsOnly()
    {
        var desired = Desired();
        var observed = InSync(desired) with { AppliedHash = SyslogText.Hash("an older drop-in") };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal([new RestartRsyslog("rsyslog.service", false, "rsyslog runs an older drop-in")], plan.Actions);
    }

    [Fact]
    public void Plan_MainConfigDoesNotIncludeDropIns_Conflict()
    {
        var desired = Desired();
        var observed = InSync(desired) with { DropIn = null, IncludesDropIns = false };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Empty(plan.Actions);
        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Conflict && f.Message.StartsWith("the main rsyslog config does not include /etc/rsyslog.d", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CanaryOutcome.Refused)]
    [InlineData(CanaryOutcome.Full)]
    public void Plan_SocketRefusesCanary_RestartsRsyslog(CanaryOutcome outcome)
    {
        var desired = Desired();
        var observed = InSync(desired) with { Canary = new CanaryResult(outcome, "x") };

        var plan = SyslogPlanner.Plan(desired, observed);

        var restart = Assert.IsType<RestartRsyslog>(Assert.Single(plan.Actions));
        Assert.StartsWith("the socket refused the canary", restart.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SocketMissingUnderSystemd_RestartsSocketUnitThenRsyslog()
    {
        var desired = Desired(ServiceControl.Systemd);
        var observed = InSync(desired) with { Socket = PathObservation.Missing, Canary = null };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal(
            [new StartSocketUnit(HeldSocketUnits.SocketUnit, true), new RestartRsyslog("rsyslog.service", false, "the socket is missing")],
            plan.Actions);
    }

    [Fact]
    public void Plan_SystemdFreshInstall_UnitFilesReloadStartSocketThenRestart()
    {
        var desired = Desired(ServiceControl.Systemd);
        var observed = InSync(desired) with { UnitFiles = [null, null], SocketUnit = null };

        var plan = SyslogPlanner.Plan(desired, observed);

        // No start of the socket unit of its own: systemd refuses it while rsyslog runs; rsyslog's restart pulls it in.
        Assert.Equal(["write-file", "write-file", "daemon-reload", "restart-rsyslog"], plan.Actions.Select(a => a.Kind));
        Assert.Equal("rsyslog.service drop-in changed; hostagent-syslog.socket was not loaded", ((RestartRsyslog)plan.Actions[^1]).Reason);
    }

    [Fact]
    public void Plan_SocketUnitChanged_SocketUnitRestartedThenRsyslog()
    {
        var desired = Desired(ServiceControl.Systemd);
        var observed = InSync(desired) with { UnitFiles = ["[Socket]\nListenDatagram=/old/log\n", desired.UnitFiles[1].Content] };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal(["write-file", "daemon-reload", "restart-socket-unit", "restart-rsyslog"], plan.Actions.Select(a => a.Kind));
    }

    [Fact]
    public void Plan_RsyslogStopped_Started()
    {
        var desired = Desired();
        var observed = InSync(desired) with { Service = new UnitState("rsyslog.service", "failed", "failed") };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal([new RestartRsyslog("rsyslog.service", true, "rsyslog is failed (failed)")], plan.Actions);
    }

    [Fact]
    public void Plan_NoServiceManagerAndRestartNeeded_ConflictAndSaysSocketIsRsyslogs()
    {
        var desired = Desired(ServiceControl.None);
        var observed = InSync(desired) with { DropIn = null, Check = new RsyslogCheck(true, ""), Service = null };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.Equal(["write-file"], plan.Actions.Select(a => a.Kind));
        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Conflict && f.Message.Contains("no systemd and no syslog.startCommand", StringComparison.Ordinal));
        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Notice && f.Message.EndsWith("messages sent while rsyslog restarts are refused and lost", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_PlainSocket_NoticeInStatusOnly()
    {
        var desired = Desired(hold: false);

        var plan = SyslogPlanner.Plan(desired, InSync(desired));

        Assert.True(plan.InSync);
        Assert.Equal(
            "the log socket is rsyslogd's own (syslog.holdSocket is false): messages sent while rsyslog restarts are refused and lost",
            Assert.Single(plan.Findings).Message);
    }

    [Fact]
    public void Plan_QueueGrowsWithoutProgress_UnreachableNotice()
    {
        var plan = PlanWithSamples(new QueueStats(50, 0, 150, 0), new QueueStats(200, 700, 1000, 0));

        Assert.True(plan.InSync);
        Assert.Equal("central server relp 10.0.0.1:2514 unreachable, buffering 900 messages (700 on disk)", Assert.Single(plan.Findings).Message);
    }

    [Fact]
    public void Plan_QueueDrainsWithProgress_NoNotice()
    {
        Assert.Empty(PlanWithSamples(new QueueStats(500, 0, 600, 0), new QueueStats(600, 0, 900, 0)).Findings);
    }

    [Fact]
    public void Plan_OnlyTheDiskPartShrinks_NoNotice()
    {
        Assert.Empty(PlanWithSamples(new QueueStats(100, 5000, 100, 0), new QueueStats(200, 4000, 200, 0)).Findings);
    }

    [Fact]
    public void Plan_CountersStartedAgain_NoNoticeUntilTheNextSample()
    {
        Assert.Empty(PlanWithSamples(new QueueStats(1000, 8000, 9000, 0), new QueueStats(10, 9000, 10, 0)).Findings);
    }

    /// <summary>
    /// The plan with two impstats samples of the forward action's queue, 10 s apart. Its "processed" is what entered
    /// the queue, as rsyslog counts it, whether it was sent or not.
    /// </summary>
    private static Plan PlanWithSamples(QueueStats before, QueueStats now)
    {
        var desired = Desired();
        var at = DateTimeOffset.UnixEpoch;
        var first = new RsyslogStats(at, [new ActionStats("hostagent-fwd-0", before.Enqueued, 0, 0, before)], before.Enqueued);
        var second = new RsyslogStats(at.AddSeconds(10), [new ActionStats("hostagent-fwd-0", now.Enqueued, 0, 0, now)], now.Enqueued);
        return SyslogPlanner.Plan(desired, InSync(desired) with { Stats = second, PreviousStats = first });
    }

    [Fact]
    public void Plan_SpoolDirectoryMissing_Created()
    {
        var desired = Desired();
        var observed = InSync(desired) with { SpoolDirectory = PathObservation.Missing };

        var plan = SyslogPlanner.Plan(desired, observed);

        var create = Assert.IsType<CreateSpoolDirectory>(Assert.Single(plan.Actions));
        Assert.Equal(SyslogSettings.DefaultSpoolDirectory, create.Path);
        Assert.Equal("create rsyslog's spool directory /var/spool/rsyslog (owner 0:0, mode 0700)", create.Description);
    }

    [Fact]
    public void Plan_SpoolPathIsAFile_ConflictAndLeftAlone()
    {
        var desired = Desired();
        var observed = InSync(desired) with { SpoolDirectory = new PathObservation(PathKind.Other, 0, 0, Convert.ToInt32("644", 8), 9) };

        var plan = SyslogPlanner.Plan(desired, observed);

        Assert.DoesNotContain(plan.Actions, a => a is CreateSpoolDirectory);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal(FindingSeverity.Conflict, finding.Severity);
        Assert.StartsWith("rsyslog's spool directory /var/spool/rsyslog exists but is a file", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "/var/lib/rsyslog", "/var/lib/rsyslog")]
    [InlineData("", null, SyslogSettings.DefaultSpoolDirectory)]
    [InlineData("/srv/spool", "/var/lib/rsyslog", "/srv/spool")]
    public void From_SpoolDirectory_SettingThenRsyslogsWorkDirectoryThenDefault(string setting, string? workDirectory, string expected)
    {
        var settings = new SyslogSettings { SpoolDirectory = setting, Servers = new([new SyslogServerSettings("10.0.0.1")]) };

        var desired = SyslogDesired.From(settings, new RsyslogFacts(true, new([]), WorkDirectory: workDirectory), ServiceControl.Systemd, false);

        Assert.Equal(expected, desired.SpoolDirectory);
        Assert.Contains($"queue.spoolDirectory=\"{expected}\"", desired.DropIn.Content, StringComparison.Ordinal);
    }
}
