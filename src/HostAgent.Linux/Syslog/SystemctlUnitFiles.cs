using System.Diagnostics;
using HostAgent.Core.Syslog;

namespace HostAgent.Linux.Syslog;

/// <summary>systemctl daemon-reload, so systemd reads the socket unit and rsyslog's drop-in the agent wrote.</summary>
public sealed class SystemctlUnitFiles : ISystemdUnitFiles
{
    public async Task DaemonReloadAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("systemctl")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("daemon-reload");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run systemctl");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"systemctl daemon-reload exited with {process.ExitCode}: {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }
}
