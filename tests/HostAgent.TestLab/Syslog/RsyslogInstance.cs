using System.Diagnostics;

namespace HostAgent.TestLab.Syslog;

/// <summary>
/// A real rsyslogd of the test's own: its socket in a directory, every message written to a file
/// with its app name, message id and structured data. Unix sockets and files only: no network.
/// </summary>
public sealed class RsyslogInstance : IDisposable
{
    private Process? _process;

    public RsyslogInstance()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("hostagent-rsyslog-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "spool"));
        SocketDirectory = Path.Combine(Directory, "sock");
        ConfigPath = Path.Combine(Directory, "rsyslog.conf");
        File.WriteAllText(ConfigPath, $$"""
            global(workDirectory="{{Directory}}/spool")
            module(load="imuxsock" SysSock.Use="off")
            input(type="imuxsock" Socket="{{SocketPath}}" CreatePath="on" RateLimit.Interval="0" UseSpecialParser="off" ParseHostname="on")
            template(name="fields" type="string" string="%app-name%|%msgid%|%structured-data%|%msg%\n")
            action(type="omfile" file="{{OutputPath}}" template="fields")
            """);
    }

    public string Directory { get; }

    /// <summary>The directory a container would have bind-mounted.</summary>
    public string SocketDirectory { get; }

    public string SocketPath => Path.Combine(SocketDirectory, "log");

    public string ConfigPath { get; }

    public string OutputPath => Path.Combine(Directory, "out.log");

    /// <summary>Starts rsyslogd in the foreground (-n) and waits for its socket.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo("rsyslogd") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-n", "-f", ConfigPath, "-i", Path.Combine(Directory, "rsyslogd.pid") })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start rsyslogd");
        if (!Lab.WaitUntil(() => File.Exists(SocketPath) || _process.HasExited, TimeSpan.FromSeconds(10)) || _process.HasExited)
        {
            throw new InvalidOperationException("rsyslogd did not create its socket: " + _process.StandardError.ReadToEnd());
        }
    }

    /// <summary>SIGTERM and wait: rsyslogd removes nothing from the socket directory but stops answering.</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        Cmd.Check("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            _process.Kill();
        }
        _process.Dispose();
        _process = null;
    }

    public void Restart()
    {
        Stop();
        Start();
    }

    /// <summary>The lines written so far (app-name|msgid|structured-data|msg).</summary>
    public IReadOnlyList<string> Lines() => File.Exists(OutputPath) ? File.ReadAllLines(OutputPath) : [];

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
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not hide the test's result.
        }
    }
}
