using HostAgent.Core.Syslog;
using HostAgent.Linux.Processes;

namespace HostAgent.Linux.Syslog;

/// <summary>systemctl daemon-reload, so systemd reads the socket unit and rsyslog's drop-in the agent wrote.</summary>
public sealed class SystemctlUnitFiles : ISystemdUnitFiles
{
    public async Task DaemonReloadAsync(CancellationToken cancellationToken)
    {
        var result = await ToolRunner.RunAsync("systemctl", ["daemon-reload"], Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"systemctl daemon-reload exited with {result.ExitCode}: {result.Error.Trim()}");
        }
    }
}
