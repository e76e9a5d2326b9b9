using Grpc.Core;
using HostAgent.Contracts.V1;
using HostAgent.Core.Units;
using HostAgent.Daemon.Tests.Support;
using UnitAction = HostAgent.Contracts.V1.UnitAction;
using Xunit;

namespace HostAgent.Daemon.Tests.Units;

public sealed class UnitsApiTests
{
    [Fact]
    public async Task GetStatus_FollowedUnits_ListedWithStatesAndManager()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());

        var units = await UnitsUntilAsync(host, u => u.Units.All(x => x.ActiveState.Length > 0), "every unit's state known");

        Assert.Equal("systemd", units.Manager);
        Assert.Equal(["rsyslog.service", "docker.service"], units.Units.Select(u => u.Name));
        var rsyslog = units.Units[0];
        Assert.Equal(("loaded", "active", "running"), (rsyslog.LoadState, rsyslog.ActiveState, rsyslog.SubState));
        Assert.NotNull(rsyslog.Since);
        Assert.Equal("not-found", units.Units[1].LoadState);
    }

    [Fact]
    public async Task GetStatus_UnitStoppedByHand_ShowsNewState()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await UnitsUntilAsync(host, u => u.Units[0].ActiveState == "active", "rsyslog active");

        fakes.Manager.SetUnit(new UnitState("rsyslog.service", "inactive", "dead"));

        var units = await UnitsUntilAsync(host, u => u.Units[0].ActiveState == "inactive", "rsyslog inactive");
        Assert.Equal("dead", units.Units[0].SubState);
    }

    [Fact]
    public async Task GetStatus_NoServiceManager_ListsUnitsWithoutStates()
    {
        await using var host = await AgentHost.StartAsync();
        await host.WaitForFirstRunAsync();

        var units = await UnitsUntilAsync(host, u => u.Units.Count == 2, "units listed");

        Assert.Equal("none", units.Manager);
        Assert.All(units.Units, u => Assert.Equal("", u.ActiveState));
    }

    [Fact]
    public async Task ControlUnit_Restart_DoneAndWatchStreamsTheStateChanges()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await UnitsUntilAsync(host, u => u.Units[0].ActiveState == "active", "rsyslog active");
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var watch = host.Client.Watch(new WatchRequest(), cancellationToken: timeout.Token);
        await watch.ResponseHeadersAsync;

        var response = await host.Client.ControlUnitAsync(new ControlUnitRequest { Unit = "rsyslog.service", Action = UnitAction.Restart });

        Assert.Equal("done", response.Result);
        Assert.Equal("active", response.State.ActiveState);
        Assert.Equal(["restart rsyslog.service"], fakes.Manager.Jobs);
        var events = new List<Event>();
        while (events.Count < 3 && await watch.ResponseStream.MoveNext(timeout.Token))
        {
            if (watch.ResponseStream.Current.Kind == EventKind.UnitStateChanged)
            {
                events.Add(watch.ResponseStream.Current);
            }
        }
        Assert.Equal(
            [
                "rsyslog.service: active (running) -> deactivating (stop-sigterm)",
                "rsyslog.service: deactivating (stop-sigterm) -> activating (start)",
                "rsyslog.service: activating (start) -> active (running)",
            ],
            events.Select(e => e.Message));
        Assert.All(events, e => Assert.Equal("rsyslog.service", e.Unit));
    }

    [Fact]
    public async Task ControlUnit_JobFails_ReportsFailed()
    {
        var fakes = new UnitFakes();
        fakes.Manager.NextResult = UnitJobResult.Failed;
        await using var host = await AgentHost.StartAsync(fakes.Options(TestConfig.Json(agent: "\"followUnits\": [\"frr.service\"]")));
        await UnitsUntilAsync(host, u => u.Units[0].ActiveState == "active", "frr active");

        var response = await host.Client.ControlUnitAsync(new ControlUnitRequest { Unit = "frr.service", Action = UnitAction.ReloadOrRestart });

        Assert.Equal("failed", response.Result);
        Assert.Equal(["reload-or-restart frr.service"], fakes.Manager.Jobs);
    }

    [Fact]
    public async Task ControlUnit_UnitNotFollowed_InvalidArgumentAndNoJob()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ControlUnitAsync(new ControlUnitRequest { Unit = "sshd.service", Action = UnitAction.Restart }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("\"sshd.service\" is not followed", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(fakes.Manager.Jobs);
    }

    [Fact]
    public async Task ControlUnit_NoAction_InvalidArgument()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await UnitsUntilAsync(host, u => u.Units.Count == 2, "units listed");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ControlUnitAsync(new ControlUnitRequest { Unit = "rsyslog.service" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task ControlUnit_NoServiceManager_FailedPrecondition()
    {
        await using var host = await AgentHost.StartAsync();
        await UnitsUntilAsync(host, u => u.Units.Count == 2, "units listed");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ControlUnitAsync(new ControlUnitRequest { Unit = "rsyslog.service", Action = UnitAction.Restart }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task ReloadConfig_FollowUnitsChanged_FollowsTheNewSet()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await UnitsUntilAsync(host, u => u.Units.Count == 2, "units listed");

        await host.WriteConfigAsync(TestConfig.Json(agent: "\"followUnits\": [\"frr.service\"]"));
        var reload = await host.Client.ReloadConfigAsync(new ReloadConfigRequest());

        Assert.True(reload.Ok);
        var units = await UnitsUntilAsync(host, u => u.Units.Count == 1 && u.Units[0].ActiveState == "active", "frr followed");
        Assert.Equal("frr.service", units.Units[0].Name);
        Assert.Equal(["frr.service"], fakes.Monitor.Followed);
    }

    [Fact]
    public async Task Metrics_FollowedUnits_Exported()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await UnitsUntilAsync(host, u => u.Units.All(x => x.ActiveState.Length > 0), "every unit's state known");

        var metrics = await host.MetricsAsync();

        Assert.Contains("hostagent_unit_active{unit=\"rsyslog.service\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_unit_active{unit=\"docker.service\"} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_unit_state{unit=\"rsyslog.service\",state=\"active\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("hostagent_unit_state{unit=\"rsyslog.service\",state=\"failed\"} 0", metrics, StringComparison.Ordinal);
    }

    private static Task<UnitsStatus> UnitsUntilAsync(AgentHost host, Func<UnitsStatus, bool> done, string what) =>
        Eventually.Until(async () => (await host.Client.GetStatusAsync(new GetStatusRequest())).Units ?? new UnitsStatus(), done, what);
}
