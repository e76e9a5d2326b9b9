using System.Text.Json;
using HostAgent.TestLab;
using HostAgent.TestLab.Node;

namespace HostAgent.SystemTests.Node;

/// <summary>Installing and driving the packaged agent in a node, as an operator would.</summary>
internal static class InstalledAgent
{
    /// <summary>A config following rsyslog, Docker (absent on the node) and FRR, and re-checking every 30 s.</summary>
    public const string Config = """
        {
          "agent": { "followUnits": ["rsyslog.service", "docker.service", "frr.service"] },
          "network": { "podCidr": "10.216.0.0/24", "bridge": "cbr0", "mtu": 1500 }
        }
        """;

    /// <summary>rpm -i of the target's package; --nodeps because the node is Debian, whose rpm database is empty.</summary>
    public static void Install(BootedNode node, string target = "el9") =>
        node.Check("rpm", "-i", "--nodeps", "/dist/" + Path.GetFileName(Packages.Find(target)));

    /// <summary>Installs, writes <see cref="Config"/> and starts the service; returns when systemctl start does.</summary>
    public static void InstallAndStart(BootedNode node, string target = "el9")
    {
        Install(node, target);
        node.WriteFile("/etc/hostagent/hostagent.json", Config);
        node.Check("systemctl", "start", "hostagent");
    }

    /// <summary>hostagentctl --json status, parsed.</summary>
    public static JsonElement Status(BootedNode node)
    {
        using var document = JsonDocument.Parse(node.Check("hostagentctl", "--json", "status").StdOut);
        return document.RootElement.Clone();
    }

    /// <summary>The followed unit's ActiveState as the agent reports it; "" when unknown.</summary>
    public static string UnitState(JsonElement status, string unit)
    {
        if (!status.TryGetProperty("units", out var units) || !units.TryGetProperty("units", out var list))
        {
            return "";
        }
        var entry = list.EnumerateArray().FirstOrDefault(u => u.GetProperty("name").GetString() == unit);
        return entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("activeState", out var state) ? state.GetString() ?? "" : "";
    }

    /// <summary>The service's journal, message text only.</summary>
    public static string Journal(BootedNode node) =>
        node.Exec("journalctl", "-u", "hostagent", "-o", "cat", "--no-pager").StdOut;

    /// <summary>Waits for the service to be running again under a new main process.</summary>
    public static bool WaitRestarted(BootedNode node, string oldPid, TimeSpan timeout) =>
        Lab.WaitUntil(
            () => node.Property("hostagent", "MainPID") is var pid && pid != "0" && pid != oldPid && node.Property("hostagent", "ActiveState") == "active",
            timeout);
}
