using System.Globalization;
using System.Net.Sockets;
using System.Text;
using HostAgent.Core.Units;

namespace HostAgent.Linux.Systemd;

/// <summary>
/// sd_notify: datagrams of "KEY=VALUE" lines to the socket systemd names in $NOTIFY_SOCKET (a path, or
/// an abstract name written with a leading '@').
/// </summary>
public sealed class SdNotifySocket : IServiceNotifier, IDisposable
{
    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endpoint;

    public SdNotifySocket(string address, TimeSpan? watchdogTimeout)
    {
        _endpoint = new UnixDomainSocketEndPoint(address.StartsWith('@') ? "\0" + address[1..] : address);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        WatchdogTimeout = watchdogTimeout;
    }

    public TimeSpan? WatchdogTimeout { get; }

    /// <summary>
    /// The notifier systemd set up for this process, or null when there is none. Removes the variables
    /// from the environment, as sd_notify does, so the daemons the agent runs (checkers, reload scripts)
    /// do not report to systemd in the agent's name.
    /// </summary>
    public static SdNotifySocket? FromEnvironment()
    {
        var address = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        var watchdogUsec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        var watchdogPid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        foreach (var name in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID" })
        {
            Environment.SetEnvironmentVariable(name, null);
        }
        if (string.IsNullOrEmpty(address) || address[0] is not ('/' or '@'))
        {
            return null;
        }
        return new SdNotifySocket(address, ParseWatchdog(watchdogUsec, watchdogPid, Environment.ProcessId));
    }

    /// <summary>The watchdog timeout systemd asks for, when it is meant for this process.</summary>
    public static TimeSpan? ParseWatchdog(string? usec, string? pid, int processId)
    {
        if (!ulong.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds == 0)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }
        return TimeSpan.FromMicroseconds(microseconds);
    }

    public bool Notify(string state)
    {
        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(state), SocketFlags.None, _endpoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
