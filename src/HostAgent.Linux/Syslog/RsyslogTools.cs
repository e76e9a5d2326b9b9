using System.Text;
using HostAgent.Core.Configuration;
using HostAgent.Core.Syslog;
using HostAgent.Linux.Processes;

namespace HostAgent.Linux.Syslog;

/// <summary>
/// rsyslog on this host: its modules on disk, its other config files, rsyslogd -N1 on a candidate in a copy
/// of the config, and the impstats file.
/// </summary>
public sealed class RsyslogTools : IRsyslog
{
    /// <summary>Where distributions install rsyslog's modules: Debian/Ubuntu, then EL.</summary>
    public static readonly IReadOnlyList<string> ModuleDirectories =
        ["/usr/lib/x86_64-linux-gnu/rsyslog", "/usr/lib64/rsyslog", "/usr/lib/rsyslog"];

    /// <summary>Only the tail is parsed: impstats appends one block per interval, and the last block is what counts.</summary>
    private const int StatsTailBytes = 64 * 1024;

    /// <summary>impstats appends forever; past this size the file is emptied after it was read (rsyslog opened it O_APPEND).</summary>
    private const long StatsTruncateBytes = 1024 * 1024;

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    private readonly string _rsyslogd;
    private readonly IReadOnlyList<string> _moduleDirectories;

    public RsyslogTools(string? rsyslogd = null, IReadOnlyList<string>? moduleDirectories = null)
    {
        _rsyslogd = rsyslogd ?? (File.Exists("/usr/sbin/rsyslogd") ? "/usr/sbin/rsyslogd" : "rsyslogd");
        _moduleDirectories = moduleDirectories ?? ModuleDirectories;
    }

    public RsyslogFacts Facts(SyslogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var omrelp = _moduleDirectories.Any(d => File.Exists(Path.Combine(d, "omrelp.so")));
        var main = Read(settings.MainConfig) ?? "";
        var modules = new List<string>(RsyslogConfigText.LoadedModules(main));
        var workDirectory = RsyslogConfigText.WorkDirectory(main);
        foreach (var file in OtherDropIns(settings))
        {
            var text = Read(file) ?? "";
            modules.AddRange(RsyslogConfigText.LoadedModules(text));
            workDirectory = RsyslogConfigText.WorkDirectory(text) ?? workDirectory;
        }
        var includes = RsyslogConfigText.RedirectDropIns(main, settings.DropInDirectory, "/") is not null;
        return new RsyslogFacts(
            omrelp, new EquatableList<string>(modules.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), includes, workDirectory);
    }

    public async Task<RsyslogCheck> CheckAsync(SyslogSettings settings, string candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scratch = Directory.CreateTempSubdirectory("hostagent-rsyslog-check-");
        try
        {
            var dropIns = Directory.CreateDirectory(Path.Combine(scratch.FullName, "rsyslog.d")).FullName;
            var main = RsyslogConfigText.RedirectDropIns(Read(settings.MainConfig) ?? "", settings.DropInDirectory, dropIns);
            if (main is null)
            {
                return new RsyslogCheck(false, $"{settings.MainConfig} does not include {settings.DropInDirectory}");
            }
            var mainPath = Path.Combine(scratch.FullName, "rsyslog.conf");
            await File.WriteAllTextAsync(mainPath, main, cancellationToken).ConfigureAwait(false);
            foreach (var file in OtherDropIns(settings))
            {
                File.Copy(file, Path.Combine(dropIns, Path.GetFileName(file)));
            }
            await File.WriteAllTextAsync(Path.Combine(dropIns, SyslogSettings.DropInName), candidate, cancellationToken).ConfigureAwait(false);
            return await RunCheckAsync(mainPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    public RsyslogStats? ReadStats(string statsFile)
    {
        var info = new FileInfo(statsFile);
        if (!info.Exists || info.Length == 0)
        {
            return null;
        }
        string tail;
        using (var stream = new FileStream(statsFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            var length = stream.Length;
            stream.Seek(Math.Max(0, length - StatsTailBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            tail = reader.ReadToEnd();
            if (length > StatsTruncateBytes)
            {
                stream.SetLength(0);
            }
        }
        return ImpstatsParser.Parse(tail.Split('\n'), new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    private async Task<RsyslogCheck> RunCheckAsync(string mainPath, CancellationToken cancellationToken)
    {
        var result = await ToolRunner.RunAsync(_rsyslogd, ["-N1", "-f", mainPath], CheckTimeout, cancellationToken).ConfigureAwait(false);
        return result.TimedOut
            ? new RsyslogCheck(false, $"rsyslogd -N1 did not finish within {CheckTimeout.TotalSeconds:0} s")
            : new RsyslogCheck(result.ExitCode == 0, (result.Error + result.Output).Trim());
    }

    private static IEnumerable<string> OtherDropIns(SyslogSettings settings) =>
        Directory.Exists(settings.DropInDirectory)
            ? Directory.EnumerateFiles(settings.DropInDirectory, "*.conf")
                .Where(f => Path.GetFileName(f) != SyslogSettings.DropInName)
                .Order(StringComparer.Ordinal)
            : [];

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
