namespace HostAgent.Core.Bgp;

/// <summary>Whether bgpd runs, as its pid file and the process table say.</summary>
/// <param name="Problem">Why it is considered down, e.g. "pid file /run/frr/bgpd.pid is missing"; null when running.</param>
public sealed record BgpDaemonProbe(bool Running, int? Pid, string? Problem)
{
    public override string ToString() => Running ? $"running (pid {Pid})" : $"not running: {Problem}";
}
