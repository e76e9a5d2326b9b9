using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>Writing the effective config back out in the file's schema.</summary>
public static partial class ConfigLoader
{
    /// <summary>The effective config as indented JSON: every key, defaults filled in, the gateway resolved.</summary>
    public static string ToJson(HostAgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // The output is read by people and config tools, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            WriteAgent(writer, config.Agent);
            WriteNetwork(writer, config.Network);
            if (config.Syslog is { } syslog)
            {
                WriteSyslog(writer, syslog);
            }
            if (config.Bgp is { } bgp)
            {
                WriteBgp(writer, bgp);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteAgent(Utf8JsonWriter writer, AgentSettings agent)
    {
        writer.WriteStartObject("agent");
        writer.WriteBoolean("observeOnly", agent.ObserveOnly);
        writer.WriteString("resyncInterval", Duration.Format(agent.ResyncInterval));
        writer.WriteString("retryMinDelay", Duration.Format(agent.RetryMinDelay));
        writer.WriteString("retryMaxDelay", Duration.Format(agent.RetryMaxDelay));
        writer.WriteString("grpcSocket", agent.GrpcSocket);
        writer.WriteString("grpcSocketMode", "0" + Convert.ToString(agent.GrpcSocketMode, 8).PadLeft(3, '0'));
        writer.WriteString("metricsListen", agent.MetricsListen);
        writer.WriteString("logLevel", agent.LogLevel);
        writer.WriteStartArray("followUnits");
        foreach (var unit in agent.FollowUnits)
        {
            writer.WriteStringValue(unit);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNetwork(Utf8JsonWriter writer, NetworkSettings network)
    {
        writer.WriteStartObject("network");
        writer.WriteString("podCidr", network.PodCidr.ToString());
        writer.WriteString("bridge", network.Bridge);
        writer.WriteString("gateway", Ipv4.ToString(network.Gateway));
        writer.WriteNumber("mtu", network.Mtu);
        writer.WriteBoolean("observeOnly", network.ObserveOnly);
        writer.WriteBoolean("removeStrayAddresses", network.RemoveStrayAddresses);
        writer.WriteStartObject("sysctls");
        foreach (var (name, value) in network.Sysctls.OrderBy(static s => s.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, value);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
