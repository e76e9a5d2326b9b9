namespace HostAgent.Core.Bgp;

/// <summary>Everything one observation found: the daemon, its running state, and its verdict on the target.</summary>
/// <param name="Show">Null when the daemon is not running.</param>
/// <param name="Check">The daemon's check of the rendered target; null when it could not be run.</param>
/// <param name="ConfigFile">The config file's text; null when there is no file.</param>
/// <param name="SettleUntil">Announcements may lag a change until then; a difference before it is not drift yet.</param>
public sealed record BgpObserved(
    BgpDaemonProbe Daemon,
    BgpShowResult? Show,
    BgpCheckResult? Check,
    string? ConfigFile,
    DateTimeOffset Now,
    DateTimeOffset SettleUntil);
