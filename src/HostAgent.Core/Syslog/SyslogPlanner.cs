using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Core.Syslog;

/// <summary>The pure heart of the syslog component: desired + observed in, ordered actions and findings out.</summary>
public static class SyslogPlanner
{
    /// <summary>Permission bits and setuid/setgid/sticky: what chmod sets.</summary>
    private const int ModeMask = 0xFFF;

    public static Plan Plan(SyslogDesired desired, SyslogObserved observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var actions = new List<PlannedAction>();
        var findings = new List<Finding>();
        var restart = new List<string>();
        var directoryUsable = PlanDirectory(desired, observed, actions, findings);
        PlanSpoolDirectory(desired, observed, actions, findings);
        var socketUnitRestarted = PlanUnitFiles(desired, observed, actions, restart);
        PlanDropIn(desired, observed, actions, findings, restart);
        var restarting = PlanService(desired, observed, actions, findings, restart, directoryUsable, socketUnitRestarted);
        if (!restarting && directoryUsable)
        {
            PlanSocket(desired, observed, actions, findings);
        }
        AddNotices(desired, observed, findings);
        return new Plan(actions, findings);
    }

    /// <summary>The queues' disk files go there: without it rsyslog keeps them in memory only, and loses them at a restart.</summary>
    private static void PlanSpoolDirectory(SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<Finding> findings)
    {
        switch (observed.SpoolDirectory.Kind)
        {
            case PathKind.Missing:
                actions.Add(new CreateSpoolDirectory(desired.SpoolDirectory));
                break;
            case PathKind.Directory:
                break;
            default:
                findings.Add(new Finding(FindingSeverity.Conflict,
                    $"rsyslog's spool directory {desired.SpoolDirectory} exists but is {Describe(observed.SpoolDirectory.Kind)}: queues cannot spill to disk; left untouched"));
                break;
        }
    }

    private static bool PlanDirectory(SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<Finding> findings)
    {
        var (uid, gid) = (observed.Accounts.Uid, observed.Accounts.Gid);
        if (uid is null)
        {
            findings.Add(new Finding(FindingSeverity.Conflict, $"user {desired.Owner} does not exist on this host (syslog.owner)"));
        }
        if (gid is null)
        {
            findings.Add(new Finding(FindingSeverity.Conflict, $"group {desired.Group} does not exist on this host (syslog.group)"));
        }
        var directory = observed.Directory;
        if (directory.Kind == PathKind.Missing)
        {
            if (uid is null || gid is null)
            {
                return false;
            }
            actions.Add(new CreateSocketDirectory(desired.Directory, desired.Mode, uid.Value, gid.Value));
            if (SelinuxLabels.Desired(desired.SelinuxEnforcing, null) is { } label)
            {
                actions.Add(new SetSelinuxLabel(desired.Directory, null, label));
            }
            return true;
        }
        if (directory.Kind != PathKind.Directory)
        {
            findings.Add(new Finding(FindingSeverity.Conflict, $"{desired.Directory} exists but is {Describe(directory.Kind)}, not a directory: left untouched"));
            return false;
        }
        if (uid is { } u && gid is { } g && (directory.Uid != u || directory.Gid != g))
        {
            actions.Add(new SetPathOwner(desired.Directory, directory.Uid, directory.Gid, u, g));
        }
        if ((directory.Mode & ModeMask) != desired.Mode)
        {
            actions.Add(new SetPathMode(desired.Directory, directory.Mode & ModeMask, desired.Mode));
        }
        if (SelinuxLabels.Desired(desired.SelinuxEnforcing, directory.SelinuxLabel) is { } wanted)
        {
            actions.Add(new SetSelinuxLabel(desired.Directory, directory.SelinuxLabel, wanted));
        }
        return true;
    }

    /// <summary>The socket unit and rsyslog's drop-in; true when the socket unit is (re)started, which rsyslog must follow.</summary>
    private static bool PlanUnitFiles(SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<string> restart)
    {
        if (desired.Holder != SocketHolder.Systemd)
        {
            return false;
        }
        var socketUnitChanged = false;
        var anyChanged = false;
        for (var i = 0; i < desired.UnitFiles.Count; i++)
        {
            var file = desired.UnitFiles[i];
            var current = i < observed.UnitFiles.Count ? observed.UnitFiles[i] : null;
            if (current == file.Content)
            {
                continue;
            }
            actions.Add(new WriteManagedFile(file.Path, file.Content, file.What, current is not null));
            anyChanged = true;
            socketUnitChanged |= file.Path == HeldSocketUnits.SocketUnitPath;
            if (file.Path != HeldSocketUnits.SocketUnitPath)
            {
                restart.Add($"{file.What} changed");
            }
        }
        if (anyChanged)
        {
            actions.Add(new ReloadSystemd());
        }
        var active = observed.SocketUnit?.IsActive == true;
        if (!active)
        {
            // systemd refuses to start a socket unit while its service runs; rsyslog's (re)start pulls it in
            // first (Requires=, After= in the drop-in), while rsyslog is down.
            restart.Add($"{HeldSocketUnits.SocketUnit} was {Describe(observed.SocketUnit)}");
            return true;
        }
        if (socketUnitChanged)
        {
            // A changed socket unit takes effect when it binds again; restarting it restarts rsyslog after it (Requires=).
            actions.Add(new StartSocketUnit(HeldSocketUnits.SocketUnit, Restart: true));
            restart.Add("the socket unit changed");
            return true;
        }
        return false;
    }

    private static void PlanDropIn(SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<Finding> findings, List<string> restart)
    {
        var dropIn = desired.DropIn;
        if (!observed.IncludesDropIns)
        {
            findings.Add(new Finding(FindingSeverity.Conflict,
                $"the main rsyslog config does not include {Path.GetDirectoryName(dropIn.Path)}: {dropIn.Path} would never be read"));
            return;
        }
        if (observed.DropIn != dropIn.Content)
        {
            if (observed.Check is { Accepted: true })
            {
                actions.Add(new WriteManagedFile(dropIn.Path, dropIn.Content, dropIn.What, observed.DropIn is not null));
                restart.Add(observed.DropIn is null ? "drop-in written" : "drop-in changed");
            }
            else
            {
                var reason = observed.Check?.Reason ?? "not checked";
                var kept = observed.DropIn is null ? "rsyslog keeps running without it" : "rsyslog keeps running the drop-in it has";
                findings.Add(new Finding(FindingSeverity.Conflict, $"new {dropIn.What} rejected by rsyslogd -N1 ({reason}); not applied, {kept}"));
            }
            return;
        }
        if (observed.AppliedHash != SyslogText.Hash(dropIn.Content))
        {
            restart.Add(observed.AppliedHash is null ? "rsyslog is not known to run the drop-in" : "rsyslog runs an older drop-in");
        }
    }

    /// <summary>Starts or restarts rsyslog when needed; true when it is planned.</summary>
    private static bool PlanService(
        SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<Finding> findings, List<string> restart,
        bool directoryUsable, bool socketUnitRestarted)
    {
        if (directoryUsable && restart.Count == 0 && observed.Service?.IsActive == true)
        {
            SocketRepair(desired, observed, actions, findings, restart, socketUnitRestarted);
        }
        if (desired.Control == ServiceControl.None)
        {
            if (restart.Count > 0)
            {
                findings.Add(new Finding(FindingSeverity.Conflict,
                    $"rsyslog needs a restart ({string.Join("; ", restart)}) but there is no systemd and no syslog.startCommand to restart it with"));
            }
            return false;
        }
        if (observed.Service is not { } service)
        {
            findings.Add(new Finding(FindingSeverity.Conflict, $"{desired.ServiceUnit} is not installed"));
            return false;
        }
        if (!service.IsActive)
        {
            actions.Add(new RestartRsyslog(desired.ServiceUnit, Start: true, string.Join("; ", [$"rsyslog is {service}", .. restart])));
            return true;
        }
        if (restart.Count > 0)
        {
            actions.Add(new RestartRsyslog(desired.ServiceUnit, Start: false, string.Join("; ", restart)));
            return true;
        }
        return false;
    }

    /// <summary>A running rsyslog whose socket is gone or not read: what brings it back depends on who holds it.</summary>
    private static void SocketRepair(
        SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<Finding> findings, List<string> restart, bool socketUnitRestarted)
    {
        var socket = observed.Socket;
        if (socket.Kind is not (PathKind.Missing or PathKind.Socket))
        {
            findings.Add(new Finding(FindingSeverity.Conflict, $"{desired.SocketPath} exists but is {Describe(socket.Kind)}, not a socket: left untouched"));
            return;
        }
        var problem = socket.Kind == PathKind.Missing ? "the socket is missing"
            : observed.Canary is { Accepted: false } canary ? $"the socket refused the canary ({canary})"
            : null;
        if (problem is null)
        {
            return;
        }
        if (desired.Holder == SocketHolder.Systemd && !socketUnitRestarted && socket.Kind == PathKind.Missing)
        {
            // The socket unit still holds a socket nobody can reach: it must bind the path again.
            actions.Add(new StartSocketUnit(HeldSocketUnits.SocketUnit, Restart: true));
        }
        restart.Add(problem);
    }

    private static void PlanSocket(SyslogDesired desired, SyslogObserved observed, List<PlannedAction> actions, List<Finding> findings)
    {
        var socket = observed.Socket;
        if (socket.Kind != PathKind.Socket)
        {
            return;
        }
        if (observed.Accounts is { Uid: { } uid, Gid: { } gid } && (socket.Uid != uid || socket.Gid != gid))
        {
            actions.Add(new SetPathOwner(desired.SocketPath, socket.Uid, socket.Gid, uid, gid));
        }
        if ((socket.Mode & ModeMask) != desired.SocketMode)
        {
            actions.Add(new SetPathMode(desired.SocketPath, socket.Mode & ModeMask, desired.SocketMode));
        }
    }

    private static void AddNotices(SyslogDesired desired, SyslogObserved observed, List<Finding> findings)
    {
        if (desired.Holder == SocketHolder.Rsyslog)
        {
            var why = desired.Control == ServiceControl.None ? "there is no systemd and no syslog.startCommand" : "syslog.holdSocket is false";
            findings.Add(new Finding(FindingSeverity.Notice,
                $"the log socket is rsyslogd's own ({why}): messages sent while rsyslog restarts are refused and lost"));
        }
        if (desired.StatsFile is null)
        {
            findings.Add(new Finding(FindingSeverity.Notice, "another rsyslog config file loads impstats: queue statistics are not read"));
        }
        if (observed.Stats is not { } stats)
        {
            return;
        }
        foreach (var target in desired.Targets)
        {
            if (stats.Find(target.Name) is { } now && Unreachable(now, observed.PreviousStats?.Find(target.Name), stats, observed.PreviousStats))
            {
                findings.Add(new Finding(FindingSeverity.Notice,
                    $"central server {target.Display} unreachable, buffering {now.Queue.Buffered} messages ({now.Queue.DiskSize} on disk)"));
            }
        }
    }

    /// <summary>
    /// Messages wait and none left the queue between two samples of the same rsyslogd (its counters start again at
    /// a restart): the server does not take them. An action's "processed" is no sign of that: rsyslog counts it when
    /// a message enters the action's queue, so it grows with the node's traffic while the server is away.
    /// </summary>
    internal static bool Unreachable(ActionStats now, ActionStats? before, RsyslogStats stats, RsyslogStats? previous) =>
        now.Queue.Buffered > 0 && before is not null && previous is not null && stats.Written > previous.Written
        && now.Queue.Enqueued >= before.Queue.Enqueued && now.Queue.LeftQueue <= before.Queue.LeftQueue;

    private static string Describe(PathKind kind) => kind switch
    {
        PathKind.Directory => "a directory",
        PathKind.Socket => "a socket",
        _ => "a file",
    };

    private static string Describe(Units.UnitState? state) => state is null ? "not loaded" : state.ToString();
}
