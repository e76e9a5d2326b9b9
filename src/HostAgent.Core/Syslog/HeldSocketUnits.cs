using System.Globalization;

namespace HostAgent.Core.Syslog;

/// <summary>
/// The systemd files that hold the log socket for rsyslog: a socket unit that owns the socket, and a drop-in
/// that hands it to rsyslog's service. imuxsock adopts a socket passed by systemd when its path matches an
/// input, so the socket and the datagrams queued in it outlive every rsyslog restart. Pure.
/// </summary>
public static class HeldSocketUnits
{
    public const string SocketUnit = "hostagent-syslog.socket";
    public const string UnitDirectory = "/etc/systemd/system";
    public const string ServiceDropInName = "hostagent-syslog.conf";

    /// <summary>
    /// Room for about a minute of a busy node's logs while rsyslog restarts; the kernel doubles it and caps it
    /// only for unprivileged setters, and systemd sets it as root.
    /// </summary>
    public const string ReceiveBuffer = "8M";

    public static string SocketUnitPath => $"{UnitDirectory}/{SocketUnit}";

    public static string ServiceDropInPath(string serviceUnit) => $"{UnitDirectory}/{serviceUnit}.d/{ServiceDropInName}";

    public static string RenderSocketUnit(string socketPath, string owner, string group, int socketMode, int directoryMode, string serviceUnit) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            # Written by hostagent from the "syslog" section of its config; changes here are overwritten.
            [Unit]
            Description=Log socket held for rsyslog (hostagent)
            Documentation=man:systemd.socket(5)

            [Socket]
            ListenDatagram={socketPath}
            SocketUser={owner}
            SocketGroup={group}
            SocketMode={Octal(socketMode)}
            DirectoryMode={Octal(directoryMode)}
            ReceiveBuffer={ReceiveBuffer}
            Service={serviceUnit}

            [Install]
            WantedBy=sockets.target

            """);

    public static string RenderServiceDropIn() =>
        $"""
        # Written by hostagent: rsyslog gets the held log socket and starts after it.
        [Unit]
        Requires={SocketUnit}
        After={SocketUnit}

        [Service]
        Sockets={SocketUnit}

        """;

    private static string Octal(int mode) => "0" + Convert.ToString(mode, 8).PadLeft(3, '0');
}
