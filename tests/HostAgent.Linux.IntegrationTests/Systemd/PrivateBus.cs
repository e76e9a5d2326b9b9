using System.Diagnostics;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>
/// A dbus-daemon of the test's own on a socket in a temporary directory: real D-Bus routing, matching and
/// name ownership, without systemd or the machine's buses. Dispose stops it and removes the directory.
/// </summary>
public sealed class PrivateBus : IDisposable
{
    private readonly Process _daemon;
    private readonly DirectoryInfo _directory;

    private PrivateBus(Process daemon, DirectoryInfo directory, string address)
    {
        _daemon = daemon;
        _directory = directory;
        Address = address;
    }

    /// <summary>The bus address to connect to, e.g. "unix:path=/tmp/.../bus,guid=...".</summary>
    public string Address { get; }

    /// <summary>Starts a bus; skips the calling test when dbus-daemon is not installed.</summary>
    public static PrivateBus Start()
    {
        const string binary = "/usr/bin/dbus-daemon";
        Skip.IfNot(File.Exists(binary), "needs dbus-daemon (Debian package dbus-daemon)");
        var directory = Directory.CreateTempSubdirectory("hostagent-bus-");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--session", "--nofork", "--nopidfile", "--print-address=1", $"--address=unix:path={directory.FullName}/bus" })
        {
            start.ArgumentList.Add(argument);
        }
        var daemon = Process.Start(start) ?? throw new InvalidOperationException("could not start dbus-daemon");
        var address = daemon.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        if (string.IsNullOrEmpty(address))
        {
            daemon.Kill();
            directory.Delete(recursive: true);
            throw new InvalidOperationException("dbus-daemon printed no address: " + daemon.StandardError.ReadToEnd());
        }
        return new PrivateBus(daemon, directory, address.Trim());
    }

    /// <summary>Kills the daemon now, as a crash of the bus would.</summary>
    public void Kill()
    {
        if (!_daemon.HasExited)
        {
            _daemon.Kill();
            _daemon.WaitForExit(5000);
        }
    }

    public void Dispose()
    {
        Kill();
        _daemon.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not hide the test's result.
        }
    }
}
