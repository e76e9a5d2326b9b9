using System.Diagnostics;
using System.Globalization;

namespace HostAgent.TestLab.Syslog;

/// <summary>
/// The central log server: an rsyslogd of the test's own in a network namespace, taking TCP on 514 and RELP
/// on 2514 and writing every message to a file. Stop and Start make the outage.
/// </summary>
public sealed class CentralLogServer : IDisposable
{
    private readonly TestNetns _netns;
    private Process? _process;

    public CentralLogServer(TestNetns netns)
    {
        _netns = netns;
        Root = Directory.CreateTempSubdirectory("hostagent-central-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "work"));
        File.WriteAllText(ConfigPath, $$"""
            global(workDirectory="{{Root}}/work")
            module(load="imtcp")
            module(load="imrelp")
            input(type="imtcp" port="514")
            input(type="imrelp" port="2514")
            template(name="central" type="string" string="%app-name%|%msgid%|%msg%\n")
            action(type="omfile" file="{{OutputPath}}" template="central")
            """);
    }

    public string Root { get; }

    public string ConfigPath => Path.Combine(Root, "rsyslog.conf");

    public string OutputPath => Path.Combine(Root, "central.log");

    public bool Running => _process is { HasExited: false };

    public void Start()
    {
        var start = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "netns", "exec", _netns.Name, "rsyslogd", "-n", "-f", ConfigPath, "-i", Path.Combine(Root, "rsyslogd.pid") })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the central rsyslogd");
        var listening = Lab.WaitUntil(
            () => _process.HasExited || (Listens("514") && Listens("2514")),
            TimeSpan.FromSeconds(10));
        if (!listening || _process.HasExited)
        {
            throw new InvalidOperationException("the central rsyslogd did not start listening: " + (_process.HasExited ? _process.StandardError.ReadToEnd() : "timeout"));
        }
    }

    /// <summary>SIGTERM and wait: its listeners close, connected nodes see the connection break.</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        Cmd.Check("kill", "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture));
        if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<string> Lines()
    {
        try
        {
            using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    public void Dispose()
    {
        try
        {
            _process?.Kill();
            _process?.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not hide the test's result.
        }
    }

    private bool Listens(string port) =>
        _netns.TryExec("ss", "-Htln", $"sport = :{port}").StdOut.Contains("LISTEN", StringComparison.Ordinal);
}
