using System.Text.Json;
using HostAgent.Core.Bgp;
using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>
/// Writing the "bgp" section back out. Passwords are written as they are, so the output reads back as the
/// same config: treat it like the file itself.
/// </summary>
public static partial class ConfigLoader
{
    private static void WriteBgp(Utf8JsonWriter writer, BgpSettings bgp)
    {
        writer.WriteStartObject("bgp");
        writer.WriteString("flavor", bgp.Flavor == BgpFlavor.Quagga ? "quagga" : "frr");
        writer.WriteNumber("localAsn", bgp.LocalAsn);
        if (bgp.RouterId is { } routerId)
        {
            writer.WriteString("routerId", Ipv4.ToString(routerId));
        }
        if (bgp.RouterIdInterface is { } routerIdInterface)
        {
            writer.WriteString("routerIdInterface", routerIdInterface);
        }
        WriteBgpList(writer, "announce", bgp.Announce.Select(static p => p.ToString()));
        writer.WriteStartArray("neighbors");
        foreach (var neighbor in bgp.Neighbors)
        {
            writer.WriteStartObject();
            writer.WriteString("address", Ipv4.ToString(neighbor.Address));
            writer.WriteNumber("remoteAsn", neighbor.RemoteAsn);
            if (neighbor.Password is { } password)
            {
                writer.WriteString("password", password);
            }
            if (neighbor.Description is { } description)
            {
                writer.WriteString("description", description);
            }
            writer.WriteBoolean("bfd", neighbor.Bfd);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteBgpList(writer, "communities", bgp.Communities.Select(BgpCommunity.Numeric));
        writer.WriteBoolean("gracefulRestart", bgp.GracefulRestart);
        writer.WriteString("gracefulRestartTime", Duration.Format(bgp.GracefulRestartTime));
        writer.WriteString("drainWithdrawDelay", Duration.Format(bgp.DrainWithdrawDelay));
        writer.WriteString("drainStateFile", bgp.DrainStateFile);
        writer.WriteString("configFile", bgp.ConfigFile);
        writer.WriteString("vtyshPath", bgp.VtyshPath);
        writer.WriteString("vtySocketDir", bgp.VtySocketDir);
        writer.WriteString("vtyshConfigDir", bgp.VtyshConfigDir);
        writer.WriteString("bgpdPath", bgp.BgpdPath);
        writer.WriteString("pidFile", bgp.PidFile);
        writer.WriteString("serviceUnit", bgp.ServiceUnit);
        WriteBgpList(writer, "startCommand", bgp.StartCommand);
        writer.WriteString("applyMethod", bgp.ApplyMethod == BgpApplyMethod.FrrReload ? "frr-reload" : "diff");
        writer.WriteString("frrReloadPath", bgp.FrrReloadPath);
        writer.WriteString("livenessInterval", Duration.Format(bgp.LivenessInterval));
        writer.WriteString("sessionPollInterval", Duration.Format(bgp.SessionPollInterval));
        writer.WriteBoolean("observeOnly", bgp.ObserveOnly);
        writer.WriteEndObject();
    }

    private static void WriteBgpList(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}
