using System.Diagnostics;
using System.Globalization;

namespace HostAgent.Bench.Lab;

/// <summary>
/// An rsyslogd of the benchmark's own: unix socket and files in a temporary directory, no network. Also the
/// files an agent needs to run one itself (main config, drop-in directory, pid file).
/// </summary>
internal sealed class BenchRsyslog : IDisposable
{
    private readonly Process _process;

    private BenchRsyslog(LabFiles files, Process process)
    {
        Lab = files;
        _process = process;
    }

    public LabFiles Lab { get; }

    public string SocketPath => Lab.SocketPath;

    public static LabFiles Files(string root)
    {
        var files = new LabFiles(root);
        Directory.CreateDirectory(files.DropIns);
        Directory.CreateDirectory(files.SocketDirectory);
        Directory.CreateDirectory(Path.Combine(root, "work"));
        File.WriteAllText(files.MainConfig, $$"""
            global(workDirectory="{{root}}/work")
            $IncludeConfig {{files.DropIns}}/*.conf
            template(name="bench" type="string" string="%msg%\n")
            action(type="omfile" file="{{files.OutputPath}}" template="bench")
            """);
        return files;
    }

    /// <summary>rsyslogd on its own socket (imuxsock in the main config), for the sink benchmark.</summary>
    public static BenchRsyslog Start()
    {
        var files = Files(Directory.CreateTempSubdirectory("hostagent-bench-rsyslog-").FullName);
        File.WriteAllText(Path.Combine(files.DropIns, "10-bench.conf"), $$"""
            module(load="imuxsock" SysSock.Use="off")
            input(type="imuxsock" Socket="{{files.SocketPath}}" UseSpecialParser="off" ParseHostname="on" RateLimit.Interval="0")
            """);
        var start = new ProcessStartInfo("rsyslogd") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-n", "-f", files.MainConfig, "-i", files.PidFile })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start rsyslogd");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(files.SocketPath))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException("rsyslogd did not create its socket: " + (process.HasExited ? process.StandardError.ReadToEnd() : "timeout"));
            }
            Thread.Sleep(10);
        }
        return new BenchRsyslog(files, process);
    }

    /// <summary>Lines rsyslogd has written so far.</summary>
    public int Lines()
    {
        try
        {
            using var stream = new FileStream(Lab.OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var count = 0;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                count += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            return count;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        Directory.Delete(Lab.Root, recursive: true);
    }

    internal sealed record LabFiles(string Root)
    {
        public string MainConfig => Path.Combine(Root, "rsyslog.conf");

        public string DropIns => Path.Combine(Root, "rsyslog.d");

        public string SocketDirectory => Path.Combine(Root, "sock");

        public string SocketPath => Path.Combine(SocketDirectory, "log");

        public string PidFile => Path.Combine(Root, "rsyslogd.pid");

        public string OutputPath => Path.Combine(Root, "out.log");

        /// <summary>The pid in the pid file; 0 when there is none (yet).</summary>
        public int Pid()
        {
            try
            {
                return int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
            }
            catch (IOException)
            {
                return 0;
            }
        }

        /// <summary>The rsyslogd an agent started runs in a session of its own and outlives the agent: stop it.</summary>
        public void KillRsyslogd()
        {
            var pid = Pid();
            if (pid > 1 && File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "rsyslogd")
            {
                Command.RunQuietly("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
