using HostAgent.Core.Bgp;
using HostAgent.Linux.Files;

namespace HostAgent.Linux.Bgp;

/// <summary>The daemon's own judgement of a file, and frr-reload.py; both read the text from a private temporary file.</summary>
public sealed partial class VtyBgpDaemon
{
    /// <summary>
    /// What FRR's bgpd prints for a bad line while still exiting 0 in dry-run mode, and what Quagga's prints
    /// before exiting 1: either means the file is rejected.
    /// </summary>
    private static readonly string[] CheckErrorMarks = ["on config line", "Error occured during reading", "There is no such command", "Unknown command"];

    public async Task<BgpCheckResult> CheckAsync(BgpTooling tooling, string config, CancellationToken cancellationToken)
    {
        // bgpd reads the file after dropping to its own user, so that user gets it, as it has the real one.
        var owner = IsFrr(tooling) ? null : AtomicFile.TryGetOwner(Path.GetDirectoryName(tooling.ConfigFile) ?? "/");
        using var file = new PrivateTempFile(config, IsFrr(tooling) ? "frr.conf" : "bgpd.conf", owner);
        ToolResultView result;
        if (IsFrr(tooling))
        {
            var arguments = VtyshOptions(tooling);
            arguments.AddRange(["-C", "-f", file.Path]);
            result = new ToolResultView(await RunAsync(tooling.VtyshPath, arguments, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            result = new ToolResultView(await RunAsync(tooling.BgpdPath, ["-C", "-f", file.Path], cancellationToken).ConfigureAwait(false));
        }
        var message = result.Message.Replace(file.Path, "(new config)", StringComparison.Ordinal);
        var rejected = result.ExitCode != 0 || CheckErrorMarks.Any(mark => result.Text.Contains(mark, StringComparison.Ordinal));
        return rejected ? new BgpCheckResult(false, message.Length == 0 ? $"exit code {result.ExitCode}" : message) : BgpCheckResult.Ok;
    }

    public async Task<VtyshResult> ReloadAsync(BgpTooling tooling, string config, CancellationToken cancellationToken)
    {
        using var file = new PrivateTempFile(config, "frr.conf");
        var arguments = new List<string> { "--reload", "--daemon", "bgpd" };
        if (tooling.VtySocketDir.Length > 0)
        {
            arguments.AddRange(["--vty_socket", tooling.VtySocketDir]);
        }
        arguments.AddRange([
            "--bindir", Path.GetDirectoryName(tooling.VtyshPath) ?? "/usr/bin",
            "--confdir", Path.GetDirectoryName(tooling.ConfigFile) ?? "/etc/frr",
            "--rundir", Path.GetDirectoryName(tooling.PidFile) ?? "/run/frr",
            file.Path,
        ]);
        return ToResult(await RunAsync(tooling.FrrReloadPath, arguments, cancellationToken).ConfigureAwait(false));
    }

    private sealed record ToolResultView(Processes.ToolResult Result)
    {
        public int ExitCode => Result.ExitCode;

        public string Text => Result.Output + "\n" + Result.Error;

        public string Message => new VtyshResult(Result.ExitCode, Result.Output, Result.Error, Result.Duration).Message;
    }
}
