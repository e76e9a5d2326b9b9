using HostAgent.Core.Units;

namespace HostAgent.Core.Syslog;

/// <summary>What the host showed the syslog component.</summary>
/// <param name="Canary">The message written to the socket during this observation; null when there is no socket to write to.</param>
/// <param name="DropIn">The agent's drop-in as it is on disk; null when absent.</param>
/// <param name="AppliedHash">The hash of the drop-in rsyslog was last (re)started with by the agent; null when unknown.</param>
/// <param name="Check">rsyslogd -N1 on the desired drop-in, when it differs from the one on disk.</param>
/// <param name="IncludesDropIns">The main config includes the drop-in directory, so the drop-in is read at all.</param>
/// <param name="UnitFiles">Each desired unit file's content on disk, null when absent, in desired order.</param>
/// <param name="Service">rsyslog's unit state; null when the service manager does not know the unit.</param>
/// <param name="SocketUnit">The socket unit's state when systemd holds the socket.</param>
/// <param name="Stats">The latest impstats sample; <paramref name="PreviousStats"/> the one before, to see progress.</param>
public sealed record SyslogObserved(
    AccountIds Accounts,
    PathObservation Directory,
    PathObservation Socket,
    CanaryResult? Canary,
    string? DropIn,
    string? AppliedHash,
    RsyslogCheck? Check,
    bool IncludesDropIns,
    IReadOnlyList<string?> UnitFiles,
    UnitState? Service,
    UnitState? SocketUnit,
    RsyslogStats? Stats,
    RsyslogStats? PreviousStats,
    PathObservation SpoolDirectory);
