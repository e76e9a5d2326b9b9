using HostAgent.Core.Units;

namespace HostAgent.Linux.Systemd;

/// <summary>systemd's job result strings (JobRemoved's last argument).</summary>
internal static class JobResults
{
    public static UnitJobResult Parse(string result) => result switch
    {
        "done" => UnitJobResult.Done,
        "canceled" => UnitJobResult.Canceled,
        "timeout" => UnitJobResult.Timeout,
        "dependency" => UnitJobResult.Dependency,
        "skipped" => UnitJobResult.Skipped,
        // "failed", and "invalid", "assert", "unsupported", "collected", "once": the job did not do what was asked.
        _ => UnitJobResult.Failed,
    };
}
