using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using Xunit;

namespace HostAgent.Core.Tests.Units;

public class UnitSelectionTests
{
    [Fact]
    public void From_ConfigAndOwners_ConfigOrderThenOwnedUnitsOnce()
    {
        var agent = new AgentSettings { FollowUnits = new(["rsyslog.service", "frr.service"]) };
        IComponent[] components = [new Owner("bgp", ["frr.service", "zebra.service"]), new Owner("syslog", ["rsyslog.service"])];

        var selection = UnitSelection.From(agent, components);

        Assert.Equal(["rsyslog.service", "frr.service", "zebra.service"], selection.Units);
        Assert.Equal("bgp", selection.Owners["frr.service"]);
        Assert.Equal("bgp", selection.Owners["zebra.service"]);
        Assert.Equal("syslog", selection.Owners["rsyslog.service"]);
    }

    [Fact]
    public void From_Defaults_RsyslogAndDocker()
    {
        var selection = UnitSelection.From(new AgentSettings(), []);

        Assert.Equal(["rsyslog.service", "docker.service"], selection.Units);
        Assert.Empty(selection.Owners);
    }

    private sealed class Owner(string name, IReadOnlyCollection<string> units) : IComponent, IUnitOwner
    {
        public string Name => name;

        public bool ObserveOnly => false;

        public IReadOnlyCollection<string> OwnedUnits => units;

        public ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
