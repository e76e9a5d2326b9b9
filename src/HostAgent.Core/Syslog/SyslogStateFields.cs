using System.Globalization;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;

namespace HostAgent.Core.Syslog;

/// <summary>Desired and observed syslog state as name/value fields for status output.</summary>
public static class SyslogStateFields
{
    public static IReadOnlyList<StateField> Describe(SyslogDesired desired)
    {
        var fields = new List<StateField>
        {
            new("directory", $"{desired.Directory} ({desired.Owner}:{desired.Group}, mode {SyslogText.Mode(desired.Mode)})"),
            new("socket", $"{desired.SocketPath} (mode {SyslogText.Mode(desired.SocketMode)}), accepting"),
            new("socket holder", Holder(desired)),
            new("rsyslog", $"{desired.ServiceUnit} active, running {desired.DropIn.Path} (sha256 {SyslogText.Hash(desired.DropIn.Content)[..12]})"),
            new("spool directory", desired.SpoolDirectory),
        };
        if (desired.SelinuxEnforcing)
        {
            fields.Add(new("selinux label", $"type {SelinuxLabels.ContainerFileType}"));
        }
        fields.AddRange(desired.UnitFiles.Select(f => new StateField(f.What, f.Path)));
        fields.AddRange(desired.Targets.Select(t => new StateField($"forward {t.Name}", t.Display + (t.TlsCaFile is null ? "" : " (tls)"))));
        return fields;
    }

    public static IReadOnlyList<StateField> Describe(SyslogObserved observed, SyslogDesired desired, SocketTransitions transitions)
    {
        var fields = new List<StateField>
        {
            new("directory", DescribePath(observed.Directory, desired.Directory)),
            new("socket", DescribeSocket(observed)),
            new("socket holder", Holder(desired)),
        };
        if (transitions.LastReplaced is { } replaced)
        {
            fields.Add(new("socket replaced", $"{transitions.Replacements} time(s), last at {replaced:yyyy-MM-ddTHH:mm:ss.fffZ}"));
        }
        if (desired.SelinuxEnforcing)
        {
            fields.Add(new("selinux label", observed.Directory.SelinuxLabel ?? "(none)"));
        }
        fields.Add(new("canary", observed.Canary?.ToString() ?? "not sent (no socket)"));
        fields.Add(new("rsyslog", observed.Service?.ToString() ?? (desired.Control == ServiceControl.None ? "not controlled (no service manager)" : "not installed")));
        fields.Add(new("drop-in", DescribeDropIn(observed, desired)));
        fields.Add(new("spool directory", DescribePath(observed.SpoolDirectory, desired.SpoolDirectory)));
        if (desired.StatsFile is not null)
        {
            fields.Add(new("socket queue", DescribeSocketQueue(observed)));
        }
        for (var i = 0; i < desired.UnitFiles.Count; i++)
        {
            var current = i < observed.UnitFiles.Count ? observed.UnitFiles[i] : null;
            fields.Add(new(desired.UnitFiles[i].What, current is null ? "missing" : current == desired.UnitFiles[i].Content ? "in place" : "differs"));
        }
        if (desired.Holder == SocketHolder.Systemd)
        {
            fields.Add(new(HeldSocketUnits.SocketUnit, observed.SocketUnit?.ToString() ?? "not loaded"));
        }
        foreach (var target in desired.Targets)
        {
            fields.Add(new($"forward {target.Name}", DescribeTarget(target, observed)));
        }
        return fields;
    }

    private static string Holder(SyslogDesired desired) => desired.Holder switch
    {
        SocketHolder.Systemd => $"systemd ({HeldSocketUnits.SocketUnit}): rsyslog restarts lose nothing",
        SocketHolder.Agent => "hostagent (runs rsyslogd and hands it the socket): rsyslog restarts lose nothing",
        _ => "rsyslogd: restarts can lose messages",
    };

    private static string DescribePath(PathObservation path, string name) => path.Kind switch
    {
        PathKind.Missing => $"{name} missing",
        _ => string.Create(CultureInfo.InvariantCulture, $"{name} ({path.Kind.ToString().ToLowerInvariant()}, {path.Uid}:{path.Gid}, mode {SyslogText.Mode(path.Mode & 0xFFF)})"),
    };

    private static string DescribeSocket(SyslogObserved observed)
    {
        var socket = observed.Socket;
        if (socket.Kind == PathKind.Missing)
        {
            return "missing";
        }
        if (socket.Kind != PathKind.Socket)
        {
            return $"not a socket ({socket.Kind.ToString().ToLowerInvariant()})";
        }
        var state = observed.Canary is { Accepted: false } canary ? $"present, refusing ({canary})" : "present, accepting";
        return string.Create(CultureInfo.InvariantCulture, $"{state} (inode {socket.Inode}, {socket.Uid}:{socket.Gid}, mode {SyslogText.Mode(socket.Mode & 0xFFF)})");
    }

    private static string DescribeDropIn(SyslogObserved observed, SyslogDesired desired)
    {
        if (observed.DropIn is null)
        {
            return "missing";
        }
        var hash = SyslogText.Hash(observed.DropIn);
        var state = observed.DropIn == desired.DropIn.Content ? "in place" : "differs from the config";
        var applied = observed.AppliedHash == hash ? "rsyslog runs it" : "rsyslog not restarted since it was written";
        return $"{state}, {applied} (sha256 {hash[..12]})";
    }

    private static string DescribeSocketQueue(SyslogObserved observed) => observed.Stats?.SocketQueue is not { } queue
        ? "no statistics yet"
        : string.Create(CultureInfo.InvariantCulture,
            $"{queue.Buffered} waiting ({queue.DiskSize} on disk); enqueued {queue.Enqueued}, discarded {queue.Discarded}");

    private static string DescribeTarget(ForwardTarget target, SyslogObserved observed)
    {
        if (observed.Stats?.Find(target.Name) is not { } stats)
        {
            return $"{target.Display}: no statistics yet";
        }
        var previous = observed.PreviousStats?.Find(target.Name);
        var state = SyslogPlanner.Unreachable(stats, previous, observed.Stats, observed.PreviousStats)
            ? $"unreachable, buffering {stats.Queue.Buffered} messages ({stats.Queue.DiskSize} on disk)"
            : stats.Queue.Buffered > 0 ? $"queue {stats.Queue.Buffered} ({stats.Queue.DiskSize} on disk)" : "queue empty";
        return string.Create(CultureInfo.InvariantCulture,
            $"{target.Display}: {state}; enqueued {stats.Queue.Enqueued}, left the queue {stats.Queue.LeftQueue}, failed {stats.Failed}, discarded {stats.Queue.Discarded}");
    }
}
