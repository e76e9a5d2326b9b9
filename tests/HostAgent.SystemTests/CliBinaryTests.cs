using System.Diagnostics;
using System.Text.Json;
using HostAgent.TestLab;
using HostAgent.TestLab.Daemon;
using Xunit;

namespace HostAgent.SystemTests;

/// <summary>The shipped hostagentctl against the shipped hostagent, in a namespace standing for a node.</summary>
public class CliBinaryTests
{
    private static string Ctl => AgentBinary.ResolveCli();

    [SkippableFact]
    public void Status_AgentInSync_PrintsComponentAndExitsZero()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        var result = Cmd.Run(Ctl, "--socket", agent.SocketPath, "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("network: in sync", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("10.216.0.1/24", result.StdOut, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Plan_DriftInObserveOnly_ListsActionsAndExitsThree()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.With(agent: "\"observeOnly\": true"));
        agent.Start();

        var result = Cmd.Run(Ctl, "--socket", agent.SocketPath, "plan");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("create bridge cbr0 with MTU 1500", result.StdOut, StringComparison.Ordinal);
        Assert.False(KernelView.Of(netns, "cbr0").Exists);
    }

    [SkippableFact]
    public void StatusJson_ParsesAsApiMessage()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        var result = Cmd.Run(Ctl, "--socket", agent.SocketPath, "--json", "status", "network");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var component = json.RootElement.GetProperty("components")[0];
        Assert.Equal("network", component.GetProperty("name").GetString());
        Assert.True(component.GetProperty("inSync").GetBoolean());
    }

    [SkippableFact]
    public void Reload_RejectedConfig_ExitOneWithProblems()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();
        agent.WriteConfig(AgentConfigs.With(network: "\"mtu\": 70000"));

        var result = Cmd.Run(Ctl, "--socket", agent.SocketPath, "reload");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("network.mtu: 70000", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(1500, KernelView.Of(netns, "cbr0").Mtu);
    }

    [SkippableFact]
    public void Watch_GatewayDeleted_StreamsDriftAndRepair()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();
        var lines = new List<string>();
        var start = new ProcessStartInfo(Ctl) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--socket", agent.SocketPath, "watch", "network" })
        {
            start.ArgumentList.Add(argument);
        }
        using var watch = Process.Start(start)!;
        watch.OutputDataReceived += (_, e) =>
        {
            lock (lines)
            {
                if (e.Data is not null)
                {
                    lines.Add(e.Data);
                }
            }
        };
        watch.BeginOutputReadLine();
        try
        {
            // The stream has no "subscribed" marker; keep deleting until the watcher has seen a repair.
            var seen = Lab.WaitUntil(
                () =>
                {
                    netns.TryIp("addr", "del", "10.216.0.1/24", "dev", "cbr0");
                    Thread.Sleep(200);
                    lock (lines)
                    {
                        return lines.Any(l => l.Contains("ActionApplied", StringComparison.Ordinal));
                    }
                },
                TimeSpan.FromSeconds(10));

            Assert.True(seen, string.Join('\n', lines));
            lock (lines)
            {
                Assert.Contains(lines, l => l.Contains("DriftDetected", StringComparison.Ordinal) && l.Contains("add address 10.216.0.1/24", StringComparison.Ordinal));
            }
        }
        finally
        {
            watch.Kill();
            watch.WaitForExit(5000);
        }
    }

    [Fact]
    public void Status_NoAgent_ExitOneSayingSo()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.sock");

        var result = Cmd.Run(Ctl, "--socket", socket, "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach the agent", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ExitTwo()
    {
        var result = Cmd.Run(Ctl, "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command", result.StdErr, StringComparison.Ordinal);
    }
}
