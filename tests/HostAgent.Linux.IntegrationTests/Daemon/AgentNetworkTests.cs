using Grpc.Core;
using HostAgent.Contracts.V1;
using HostAgent.TestLab;
using HostAgent.TestLab.Daemon;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Daemon;

/// <summary>The real agent binary against the real kernel, each test in a namespace of its own.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class AgentNetworkTests
{
    private static readonly TimeSpan RepairTimeout = TimeSpan.FromSeconds(5);

    [SkippableTheory]
    [InlineData(AgentBinary.Aot)]
    [InlineData(AgentBinary.Jit)]
    public void Start_FromNothing_BridgeGatewayAndSysctlInSync(string flavor)
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly, flavor);

        var status = agent.Start();

        var network = status.Components.Single(c => c.Name == "network");
        Assert.True(network.InSync, network.LastError);
        var view = KernelView.Of(netns, "cbr0");
        Assert.Equal("bridge", view.Kind);
        Assert.True(view.Up);
        Assert.Equal(1500, view.Mtu);
        Assert.Equal(["10.216.0.1/24"], view.Addresses);
        Assert.Equal("1", KernelView.Sysctl(netns, "net.ipv4.ip_forward"));
        Assert.Contains(network.Observed, f => f.Name == "addresses" && f.Value == "10.216.0.1/24");
    }

    [SkippableFact]
    public void Reconcile_AlreadyInSync_PlansNothingAndMakesNoNetlinkChange()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();
        using var recorder = new EventRecorder(netns);

        var plan = agent.Client.Plan(new PlanRequest());
        var result = agent.Client.Reconcile(new ReconcileRequest());
        Thread.Sleep(300);

        Assert.Empty(plan.Plans.Single().Actions);
        var network = result.Results.Single();
        Assert.True(network.InSync);
        Assert.Empty(network.Applied);
        Assert.Empty(recorder.Events);
    }

    [SkippableFact]
    public void Drift_GatewayAddressDeleted_RepairedByEventWithoutResync()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        netns.Ip("addr", "del", "10.216.0.1/24", "dev", "cbr0");

        Assert.True(Lab.WaitUntil(() => KernelView.Of(netns, "cbr0").Addresses.Contains("10.216.0.1/24"), RepairTimeout), agent.Output);
        AssertRepairedByEvent(agent, "add-address");
    }

    [SkippableFact]
    public void Drift_BridgeSetDown_RepairedByEvent()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        netns.Ip("link", "set", "cbr0", "down");

        Assert.True(Lab.WaitUntil(() => KernelView.Of(netns, "cbr0").Up, RepairTimeout), agent.Output);
        AssertRepairedByEvent(agent, "set-link-up");
    }

    [SkippableFact]
    public void Drift_MtuChanged_RepairedByEvent()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        netns.Ip("link", "set", "cbr0", "mtu", "1400");

        Assert.True(Lab.WaitUntil(() => KernelView.Of(netns, "cbr0").Mtu == 1500, RepairTimeout), agent.Output);
        AssertRepairedByEvent(agent, "set-mtu");
    }

    [SkippableFact]
    public void Drift_BridgeDeleted_RecreatedWithAddressByEvent()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        netns.Ip("link", "del", "cbr0");

        Assert.True(Lab.WaitUntil(
            () => KernelView.Of(netns, "cbr0") is { Exists: true, Up: true } view && view.Addresses.Contains("10.216.0.1/24"),
            RepairTimeout), agent.Output);
        AssertRepairedByEvent(agent, "create-bridge");
    }

    [SkippableFact]
    public void Drift_SysctlFlipped_RepairedByResync()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly.Replace("\"1h\"", "\"1s\"", StringComparison.Ordinal));
        agent.Start();

        // No netlink event announces a sysctl write: only the periodic resync can see it.
        netns.Exec("sysctl", "-qw", "net.ipv4.ip_forward=0");

        Assert.True(Lab.WaitUntil(() => KernelView.Sysctl(netns, "net.ipv4.ip_forward") == "1", TimeSpan.FromSeconds(10)), agent.Output);
    }

    [SkippableFact]
    public void Start_VethWithBridgeName_ReportedAndLeftUntouched()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        netns.Ip("link", "add", "cbr0", "mtu", "1400", "type", "veth", "peer", "name", "cbr0-peer");
        using var recorder = new EventRecorder(netns);
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);

        var network = agent.Start().Components.Single();

        Assert.False(network.InSync);
        Assert.Contains(network.Findings, f => f.Contains("not a bridge", StringComparison.Ordinal) && f.Contains("veth", StringComparison.Ordinal));
        var view = KernelView.Of(netns, "cbr0");
        Assert.Equal("veth", view.Kind);
        Assert.Equal(1400, view.Mtu);
        Assert.False(view.Up);
        Assert.Empty(view.Addresses);
        Assert.DoesNotContain(recorder.Events, e => e.Name == "cbr0" || e.Address is not null);
    }

    [SkippableFact]
    public void Restart_InSync_MakesNoNetlinkChangeAtAll()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();
        using var recorder = new EventRecorder(netns);

        Assert.Equal(0, agent.Stop());
        var afterStop = KernelView.Of(netns, "cbr0");
        agent.Start();
        Thread.Sleep(500);

        Assert.True(afterStop is { Exists: true, Up: true, Kind: "bridge" });
        Assert.Equal(["10.216.0.1/24"], afterStop.Addresses);
        Assert.Empty(recorder.Events);
        Assert.True(agent.Network().InSync);
        Assert.Equal(0UL, agent.Network().DriftCount);
    }

    [SkippableFact]
    public void Start_HandMadeMatchingBridgeObserveOnly_AdoptedWithZeroChanges()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        netns.Ip("link", "add", "cbr0", "type", "bridge");
        netns.Ip("addr", "add", "10.216.0.1/24", "brd", "+", "dev", "cbr0");
        netns.Ip("link", "set", "cbr0", "up");
        netns.Exec("sysctl", "-qw", "net.ipv4.ip_forward=1");
        using var recorder = new EventRecorder(netns);
        using var agent = new AgentProcess(netns, AgentConfigs.With(agent: "\"observeOnly\": true"));

        var network = agent.Start().Components.Single();
        Thread.Sleep(300);

        Assert.True(network.InSync, string.Join("; ", network.LastPlan.Select(a => a.Description)));
        Assert.True(network.ObserveOnly);
        Assert.Empty(recorder.Events);
    }

    [SkippableFact]
    public void Drift_ObserveOnly_ReportedButNotRepaired()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        netns.Ip("link", "add", "cbr0", "type", "bridge");
        netns.Ip("link", "set", "cbr0", "up");
        using var agent = new AgentProcess(netns, AgentConfigs.With(network: "\"observeOnly\": true"));

        var network = agent.Start().Components.Single();
        var reconcile = agent.Client.Reconcile(new ReconcileRequest()).Results.Single();

        Assert.False(network.InSync);
        Assert.Contains(network.LastPlan, a => a.Kind == "add-address");
        Assert.Empty(reconcile.Applied);
        Assert.Contains(reconcile.Skipped, a => a.Kind == "add-address");
        Assert.Empty(KernelView.Of(netns, "cbr0").Addresses);
    }

    [SkippableFact]
    public void Reload_InvalidConfig_RejectedAndOldConfigKeepsRepairing()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();
        agent.WriteConfig(AgentConfigs.With(network: "\"mtu\": 70000, \"bogus\": 1"));

        var reply = agent.Client.ReloadConfig(new ReloadConfigRequest());
        agent.Signal("HUP");
        netns.Ip("addr", "del", "10.216.0.1/24", "dev", "cbr0");

        Assert.False(reply.Ok);
        Assert.Contains(reply.Errors, e => e.StartsWith("network.mtu: 70000", StringComparison.Ordinal));
        Assert.Contains(reply.Errors, e => e.StartsWith("network.bogus", StringComparison.Ordinal));
        Assert.True(Lab.WaitUntil(() => KernelView.Of(netns, "cbr0").Addresses.Contains("10.216.0.1/24"), RepairTimeout), agent.Output);
        var status = agent.Status();
        Assert.False(status.Config.LastReloadOk);
        Assert.NotEmpty(status.Config.LastReloadErrors);
        Assert.Equal(1500, KernelView.Of(netns, "cbr0").Mtu);
        Assert.True(Lab.WaitUntil(() => agent.Output.Contains("rejected", StringComparison.Ordinal), RepairTimeout));
    }

    [SkippableFact]
    public void Reload_ValidConfigBySighup_AppliesNewMtu()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();
        agent.WriteConfig(AgentConfigs.EventOnly.Replace("\"mtu\": 1500", "\"mtu\": 1450", StringComparison.Ordinal));

        var masks = agent.SignalMasks();
        agent.Signal("HUP");

        Assert.True(Lab.WaitUntil(() => KernelView.Of(netns, "cbr0").Mtu == 1450, RepairTimeout), $"{masks}\nafter: {agent.SignalMasks()}\n{agent.Output}");
        Assert.True(agent.Status().Config.LastReloadOk);
    }

    [SkippableFact]
    public void Reload_StartedWithSighupIgnored_SighupStillAppliesNewMtu()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start(hangupIgnored: true);
        agent.WriteConfig(AgentConfigs.EventOnly.Replace("\"mtu\": 1500", "\"mtu\": 1450", StringComparison.Ordinal));

        agent.Signal("HUP");

        Assert.True(Lab.WaitUntil(() => KernelView.Of(netns, "cbr0").Mtu == 1450, RepairTimeout), $"{agent.SignalMasks()}\n{agent.Output}");
        Assert.Contains("SIGHUP was ignored by the process that started the agent", agent.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GetStatus_UnknownComponent_InvalidArgumentNamingTheField()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        var error = Assert.Throws<RpcException>(() => agent.Status("network", "bgpp"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("components[1]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("bgpp", error.Status.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Socket_AfterStart_HasMode0660()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var agent = new AgentProcess(netns, AgentConfigs.EventOnly);
        agent.Start();

        var mode = File.GetUnixFileMode(agent.SocketPath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, mode);
    }

    private static void AssertRepairedByEvent(AgentProcess agent, string kind)
    {
        // The log names the event that woke the loop; with a one-hour resync only an event can have.
        Assert.True(Lab.WaitUntil(() => agent.Output.Contains($"applied {kind}", StringComparison.Ordinal), RepairTimeout), agent.Output);
        Assert.DoesNotContain("(resync)", agent.Output, StringComparison.Ordinal);
        ComponentStatus? network = null;
        Assert.True(Lab.WaitUntil(() => (network = agent.Network()).InSync, RepairTimeout), $"status: {network}\n{agent.Output}");
        Assert.True(network!.DriftCount >= 2, "the start and the injected drift are both counted");
    }
}
