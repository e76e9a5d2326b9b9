using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>Writing the "syslog" section back out.</summary>
public static partial class ConfigLoader
{
    private static void WriteSyslog(Utf8JsonWriter writer, SyslogSettings syslog)
    {
        writer.WriteStartObject("syslog");
        writer.WriteString("directory", syslog.Directory);
        writer.WriteString("socketName", syslog.SocketName);
        writer.WriteString("owner", syslog.Owner);
        writer.WriteString("group", syslog.Group);
        writer.WriteString("mode", FormatMode(syslog.Mode));
        writer.WriteString("socketMode", FormatMode(syslog.SocketMode));
        writer.WriteBoolean("holdSocket", syslog.HoldSocket);
        writer.WriteNumber("rateLimitInterval", syslog.RateLimitInterval);
        writer.WriteNumber("rateLimitBurst", syslog.RateLimitBurst);
        writer.WriteStartArray("servers");
        foreach (var server in syslog.Servers)
        {
            WriteServer(writer, server);
        }
        writer.WriteEndArray();
        writer.WriteString("spoolDirectory", syslog.SpoolDirectory);
        writer.WriteString("maxDiskSpace", syslog.MaxDiskSpace);
        writer.WriteString("mainConfig", syslog.MainConfig);
        writer.WriteString("dropInDirectory", syslog.DropInDirectory);
        writer.WriteString("stateDirectory", syslog.StateDirectory);
        writer.WriteString("statsInterval", Duration.Format(syslog.StatsInterval));
        writer.WriteString("canaryInterval", Duration.Format(syslog.CanaryInterval));
        writer.WriteString("restartMinInterval", Duration.Format(syslog.RestartMinInterval));
        writer.WriteString("serviceUnit", syslog.ServiceUnit);
        writer.WriteStartArray("startCommand");
        foreach (var argument in syslog.StartCommand)
        {
            writer.WriteStringValue(argument);
        }
        writer.WriteEndArray();
        writer.WriteString("pidFile", syslog.PidFile);
        writer.WriteBoolean("agentLogs", syslog.AgentLogs);
        writer.WriteBoolean("observeOnly", syslog.ObserveOnly);
        writer.WriteEndObject();
    }

    private static void WriteServer(Utf8JsonWriter writer, SyslogServerSettings server)
    {
        writer.WriteStartObject();
        writer.WriteString("address", server.Address);
        if (server.Port is { } port)
        {
            writer.WriteNumber("port", port);
        }
        writer.WriteString("transport", server.Transport.ToString().ToLowerInvariant());
        WriteIfSet(writer, "tlsCaFile", server.TlsCaFile);
        WriteIfSet(writer, "tlsCertFile", server.TlsCertFile);
        WriteIfSet(writer, "tlsKeyFile", server.TlsKeyFile);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string FormatMode(int mode) => "0" + Convert.ToString(mode, 8).PadLeft(3, '0');
}
