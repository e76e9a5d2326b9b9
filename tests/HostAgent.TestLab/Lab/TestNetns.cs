using System.Text.Json;
using HostAgent.Linux.Namespaces;

namespace HostAgent.TestLab;

/// <summary>
/// A throwaway network namespace with loopback up, deleted on Dispose. Everything a test does to links,
/// addresses or sysctls happens in here, never in the machine's own namespace.
/// </summary>
public sealed class TestNetns : IDisposable
{
    public TestNetns()
    {
        Name = $"ha-{Guid.NewGuid():N}"[..11];
        Cmd.Check("ip", "netns", "add", Name);
        try
        {
            Ip("link", "set", "lo", "up");
            Namespace = NetworkNamespace.Open(Name);
        }
        catch
        {
            Delete();
            throw;
        }
    }

    /// <summary>The name under /var/run/netns, e.g. "ha-1a2b3c4d".</summary>
    public string Name { get; }

    /// <summary>A handle for creating adapters inside this namespace; closed by Dispose.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>`ip -n NAME ARGS`, throwing on failure.</summary>
    public CmdResult Ip(params IReadOnlyList<string> arguments) => Cmd.Check("ip", ["-n", Name, .. arguments]);

    /// <summary>`ip -n NAME ARGS`, returning failures too.</summary>
    public CmdResult TryIp(params IReadOnlyList<string> arguments) => Cmd.Run("ip", ["-n", Name, .. arguments]);

    /// <summary>`ip -n NAME -j ARGS`, parsed.</summary>
    public JsonElement IpJson(params IReadOnlyList<string> arguments)
    {
        var output = Ip(["-j", .. arguments]).StdOut;
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output);
        return document.RootElement.Clone();
    }

    /// <summary>Runs a program inside the namespace: `ip netns exec NAME PROGRAM ARGS`, throwing on failure.</summary>
    public CmdResult Exec(string fileName, params IReadOnlyList<string> arguments) =>
        Cmd.Check("ip", ["netns", "exec", Name, fileName, .. arguments]);

    /// <summary>Runs a program inside the namespace, returning failures too.</summary>
    public CmdResult TryExec(string fileName, params IReadOnlyList<string> arguments) =>
        Cmd.Run("ip", ["netns", "exec", Name, fileName, .. arguments]);

    /// <summary>The index of a link in this namespace.</summary>
    public int IndexOf(string link) => IpJson("link", "show", "dev", link)[0].GetProperty("ifindex").GetInt32();

    public void Dispose()
    {
        Namespace.Dispose();
        Delete();
    }

    private void Delete()
    {
        try
        {
            Cmd.Run("ip", "netns", "del", Name);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Dispose must not mask the test's own failure; a leftover shows in `ip netns list`.
        }
    }
}
