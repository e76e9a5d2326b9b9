using HostAgent.Contracts.V1;
using HostAgent.TestLab;
using HostAgent.TestLab.Bgp;
using HostAgent.TestLab.Daemon;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>Shared steps of the BGP tests: gates, starting the agent in the lab, waiting for the network to converge.</summary>
internal static class BgpAgents
{
    /// <summary>A session between fresh daemons comes up in about 5 s; the first update follows a few seconds later.</summary>
    public static readonly TimeSpan Converge = TimeSpan.FromSeconds(30);

    public static void RequireLab()
    {
        Lab.RequireRoot();
        Skip.IfNot(FrrInstance.Installed, "needs FRR (zebra, bgpd, vtysh): ./build.sh deps installs it");
    }

    public static AgentProcess StartAgent(BgpLab lab, string config)
    {
        var agent = lab.Own(new AgentProcess(lab.Node, config));
        agent.Start();
        return agent;
    }

    public static GetBgpStatusResponse Bgp(this AgentProcess agent) =>
        agent.Client.GetBgpStatus(new GetBgpStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

    public static void WaitForTorRoute(BgpLab lab, AgentProcess agent, bool present = true)
    {
        Assert.True(Lab.WaitUntil(() => lab.TorHasNodeRoute() == present, Converge),
            $"the ToR's kernel {(present ? "never got" : "still has")} {BgpLab.PodCidr} via {BgpLab.NodeAddress}\n" +
            $"tor: {lab.TorFrr.TryVtysh("show bgp ipv4 unicast summary").StdOut}\n" +
            $"node bgpd: {lab.NodeFrr.TryVtysh("show bgp ipv4 unicast", "show bgp ipv4 unicast neighbors " + BgpLab.TorAddress + " advertised-routes").StdOut}\n" +
            $"node kernel: {lab.Node.Exec("ip", "route").StdOut}\nagent's bgp status: {agent.Bgp()}\nagent:\n{agent.Output}");
    }

    /// <summary>Polls GetBgpStatus until <paramref name="done"/> holds.</summary>
    public static GetBgpStatusResponse WaitForBgp(AgentProcess agent, Func<GetBgpStatusResponse, bool> done, string what, TimeSpan? timeout = null)
    {
        GetBgpStatusResponse? last = null;
        Assert.True(Lab.WaitUntil(() => done(last = agent.Bgp()), timeout ?? Converge), $"{what}; last status: {last}\nagent:\n{agent.Output}");
        return last!;
    }

    /// <summary>The lines of bgpd's running config from "router bgp" to before "end": everything the agent renders.</summary>
    public static string OwnedRunningConfig(FrrInstance frr)
    {
        var lines = frr.RunningConfig().Split('\n');
        var start = Array.FindIndex(lines, static l => l.StartsWith("router bgp ", StringComparison.Ordinal));
        var end = Array.FindLastIndex(lines, static l => l == "end");
        return string.Join('\n', lines[start..end]).TrimEnd('\n');
    }

    /// <summary>The rendered file from "router bgp" on: without its header and the global lines before the router.</summary>
    public static string OwnedFileConfig(string path) =>
        string.Join('\n', File.ReadAllText(path).Split('\n').SkipWhile(static l => !l.StartsWith("router bgp ", StringComparison.Ordinal))).TrimEnd('\n');
}
