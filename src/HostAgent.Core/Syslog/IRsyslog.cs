using HostAgent.Core.Configuration;

namespace HostAgent.Core.Syslog;

/// <summary>rsyslog itself: what it offers, its config checker and its statistics.</summary>
public interface IRsyslog
{
    /// <summary>Whether omrelp is installed, which modules other config files load, whether the drop-ins are included.</summary>
    RsyslogFacts Facts(SyslogSettings settings);

    /// <summary>
    /// rsyslogd -N1 on a copy of the whole config (the main file, the other drop-ins) with the candidate in
    /// place of the agent's drop-in. Changes nothing.
    /// </summary>
    Task<RsyslogCheck> CheckAsync(SyslogSettings settings, string candidate, CancellationToken cancellationToken);

    /// <summary>The latest impstats sample in the file; null when there is none yet.</summary>
    RsyslogStats? ReadStats(string statsFile);
}
