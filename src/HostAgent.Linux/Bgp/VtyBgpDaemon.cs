using System.Globalization;
using System.Runtime.Versioning;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Linux.Files;
using HostAgent.Linux.Processes;

namespace HostAgent.Linux.Bgp;

/// <summary>
/// The BGP daemon through its own interfaces: bgpd's vty socket for reading and changing it, vtysh -C or
/// bgpd -C (run with argument lists) for checks, frr-reload.py as the fallback, and the config file written atomically.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class VtyBgpDaemon : IBgpDaemon
{
    /// <summary>Daemons keep their config readable by their own group only.</summary>
    public const UnixFileMode ConfigFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>Far above a normal call (~25 ms); a daemon that does not answer in this time is stuck.</summary>
    public static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often a starting daemon is asked whether it answers yet.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;

    public VtyBgpDaemon(TimeProvider time)
    {
        _time = time;
    }

    public BgpDaemonProbe Probe(BgpTooling tooling)
    {
        string text;
        try
        {
            text = File.ReadAllText(tooling.PidFile).Trim();
        }
        catch (FileNotFoundException)
        {
            return new BgpDaemonProbe(false, null, $"pid file {tooling.PidFile} is missing");
        }
        catch (DirectoryNotFoundException)
        {
            return new BgpDaemonProbe(false, null, $"pid file {tooling.PidFile} is missing");
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            return new BgpDaemonProbe(false, null, $"pid file {tooling.PidFile} holds no process id");
        }
        return ProcessTable.Describe(pid) switch
        {
            null => new BgpDaemonProbe(false, pid, $"process {pid} from {tooling.PidFile} is gone"),
            { State: 'Z' or 'X' } => new BgpDaemonProbe(false, pid, $"process {pid} from {tooling.PidFile} has exited"),
            { Name: not "bgpd" } entry => new BgpDaemonProbe(false, pid, $"process {pid} from {tooling.PidFile} is {entry.Name}, not bgpd"),
            _ => new BgpDaemonProbe(true, pid, null),
        };
    }

    public string? ReadConfigFile(BgpTooling tooling)
    {
        try
        {
            return File.ReadAllText(tooling.ConfigFile);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void WriteConfigFile(BgpTooling tooling, string config)
    {
        try
        {
            AtomicFile.Write(tooling.ConfigFile, config, ConfigFileMode);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BgpDaemonException($"cannot write {tooling.ConfigFile}: {exception.Message}", exception);
        }
    }

    public IPreparedConfigFile PrepareConfigFile(BgpTooling tooling, string config)
    {
        try
        {
            return new PreparedConfigFile(AtomicFile.Prepare(tooling.ConfigFile, config, ConfigFileMode));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BgpDaemonException($"cannot write {tooling.ConfigFile}: {exception.Message}", exception);
        }
    }

    /// <summary>vtysh's own options: the socket and config directories when the daemon does not use the defaults.</summary>
    private static List<string> VtyshOptions(BgpTooling tooling)
    {
        var arguments = new List<string>();
        if (tooling.VtySocketDir.Length > 0)
        {
            arguments.Add("--vty_socket");
            arguments.Add(tooling.VtySocketDir);
        }
        if (tooling.VtyshConfigDir.Length > 0)
        {
            arguments.Add("--config_dir");
            arguments.Add(tooling.VtyshConfigDir);
        }
        return arguments;
    }

    private static async Task<ToolResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ToolRunner.RunAsync(program, arguments, ToolTimeout, cancellationToken).ConfigureAwait(false);
            return result.TimedOut
                ? throw new BgpDaemonException($"{Path.GetFileName(program)} did not finish within {ToolTimeout.TotalSeconds:0} s")
                : result;
        }
        catch (IOException exception)
        {
            throw new BgpDaemonException(exception.Message, exception);
        }
    }

    private static VtyshResult ToResult(ToolResult result) => new(result.ExitCode, result.Output, result.Error, result.Duration);

    /// <summary>The flavour of a tooling, for the checker choice.</summary>
    private static bool IsFrr(BgpTooling tooling) => tooling.Flavor == BgpFlavor.Frr;
}
