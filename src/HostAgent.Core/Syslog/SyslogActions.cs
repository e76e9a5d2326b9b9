using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Syslog;

public sealed record CreateSocketDirectory(string Path, int Mode, uint Uid, uint Gid) : PlannedAction
{
    public override string Kind => "create-directory";

    public override string Description => $"create directory {Path} (owner {Uid}:{Gid}, mode {SyslogText.Mode(Mode)})";
}

/// <summary>rsyslog's spool directory, made when missing: root's, mode 0700, as distributions ship it.</summary>
public sealed record CreateSpoolDirectory(string Path) : PlannedAction
{
    public const int Mode = 0x1C0;

    public override string Kind => "create-directory";

    public override string Description => $"create rsyslog's spool directory {Path} (owner 0:0, mode {SyslogText.Mode(Mode)})";
}

/// <summary>chown of the socket directory or the socket; never of anything else.</summary>
public sealed record SetPathOwner(string Path, uint FromUid, uint FromGid, uint Uid, uint Gid) : PlannedAction
{
    public override string Kind => "set-owner";

    public override string Description => $"set owner of {Path} from {FromUid}:{FromGid} to {Uid}:{Gid}";
}

public sealed record SetPathMode(string Path, int From, int To) : PlannedAction
{
    public override string Kind => "set-mode";

    public override string Description => $"set mode of {Path} from {SyslogText.Mode(From)} to {SyslogText.Mode(To)}";
}

public sealed record SetSelinuxLabel(string Path, string? From, string To) : PlannedAction
{
    public override string Kind => "set-selinux-label";

    public override string Description => $"set SELinux label of {Path} from {From ?? "(none)"} to {To}";
}

/// <summary>Writes a file atomically; for the drop-in only after rsyslogd -N1 accepted it.</summary>
public sealed record WriteManagedFile(string Path, string Content, string What, bool Existed) : PlannedAction
{
    public override string Kind => "write-file";

    public override string Description => $"{(Existed ? "update" : "write")} {What} {Path}";
}

public sealed record ReloadSystemd : PlannedAction
{
    public override string Kind => "daemon-reload";

    public override string Description => "reload systemd's unit files";
}

/// <summary>Starts the unit that holds the socket, or restarts it when its file changed.</summary>
public sealed record StartSocketUnit(string Unit, bool Restart) : PlannedAction
{
    public override string Kind => Restart ? "restart-socket-unit" : "start-socket-unit";

    public override string Description => $"{(Restart ? "restart" : "start")} {Unit}";
}

/// <summary>
/// Starts or restarts rsyslog: rsyslog does not re-read its config on SIGHUP, so applying a drop-in is a
/// restart. Rate-limited by syslog.restartMinInterval.
/// </summary>
public sealed record RestartRsyslog(string Unit, bool Start, string Reason) : PlannedAction
{
    public override string Kind => Start ? "start-rsyslog" : "restart-rsyslog";

    public override string Description => $"{(Start ? "start" : "restart")} {Unit}: {Reason}";
}
