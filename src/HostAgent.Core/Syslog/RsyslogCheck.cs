namespace HostAgent.Core.Syslog;

/// <summary>rsyslogd -N1's verdict on a candidate drop-in together with the rest of the config.</summary>
/// <param name="Output">What rsyslogd printed; its first error line is what status shows.</param>
public sealed record RsyslogCheck(bool Accepted, string Output)
{
    /// <summary>The first line that says what is wrong, without rsyslog's version banner.</summary>
    public string Reason =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(line => !line.Contains("config validation run", StringComparison.Ordinal)) ?? "rejected without a message";
}
