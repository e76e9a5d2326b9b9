using HostAgent.Contracts.V1;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using HostAgent.Daemon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HostAgent.Daemon.Tests.Units;

/// <summary>Units a component owns: followed without being configured, and a failure wakes the component.</summary>
public sealed class UnitOwnerTests
{
    [Fact]
    public async Task OwnedUnit_FollowedWithOwner()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(WithOwner(fakes));

        var units = await Eventually.Until(
            async () => (await host.Client.GetStatusAsync(new GetStatusRequest())).Units,
            u => u.Units.Count == 3 && u.Units.All(x => x.ActiveState.Length > 0),
            "three units followed");

        Assert.Equal(["rsyslog.service", "docker.service", "frr.service"], units.Units.Select(u => u.Name));
        Assert.Equal("routing", units.Units[2].Owner);
        Assert.Equal("", units.Units[0].Owner);
    }

    [Fact]
    public async Task OwnedUnitFails_OwnerRunsAgain()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(WithOwner(fakes));
        await host.WaitForFirstRunAsync();
        await Eventually.Until(
            async () => (await host.Client.GetStatusAsync(new GetStatusRequest())).Units,
            u => u.Units.Count == 3 && u.Units[2].ActiveState == "active",
            "frr followed");
        var runs = host.Reconciler.Find("routing")!.Status.Runs;

        fakes.Manager.SetUnit(new UnitState("frr.service", "failed", "failed"));

        await Eventually.Until(() => host.Reconciler.Find("routing")!.Status.Runs, r => r > runs, "the owner woken");
        Assert.Equal(1UL, host.Reconciler.Find("network")!.Status.Runs);
    }

    private static AgentHostOptions WithOwner(UnitFakes fakes)
    {
        var options = fakes.Options();
        return options with
        {
            Services = services =>
            {
                options.Services!(services);
                services.AddSingleton<IComponent, OwnerComponent>();
            },
        };
    }
}
