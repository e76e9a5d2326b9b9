using HostAgent.Core.Configuration;
using HostAgent.Core.Syslog;

namespace HostAgent.TestFakes;

/// <summary>rsyslog in memory: facts, a checker that accepts unless told to reject, statistics set by the test.</summary>
public sealed class FakeRsyslog : IRsyslog
{
    public RsyslogFacts Facts { get; set; } = new(true, new(["imuxsock"]));

    /// <summary>The checker's verdict for every candidate while set.</summary>
    public RsyslogCheck Verdict { get; set; } = new(true, "");

    public List<string> Checked { get; } = [];

    public RsyslogStats? Stats { get; set; }

    RsyslogFacts IRsyslog.Facts(SyslogSettings settings) => Facts;

    public Task<RsyslogCheck> CheckAsync(SyslogSettings settings, string candidate, CancellationToken cancellationToken)
    {
        Checked.Add(candidate);
        return Task.FromResult(Verdict);
    }

    public RsyslogStats? ReadStats(string statsFile) => Stats;
}
