using HostAgent.Cli;
using HostAgent.Core.Units;
using HostAgent.Daemon.Tests.Support;
using HostAgent.Daemon.Tests.Units;
using Xunit;

namespace HostAgent.Daemon.Tests.Cli;

/// <summary>hostagentctl unit and the units section of status.</summary>
public sealed class CliUnitTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Theory]
    [InlineData("start", "start rsyslog.service")]
    [InlineData("restart", "restart rsyslog.service")]
    [InlineData("reload", "reload-or-restart rsyslog.service")]
    public async Task Unit_Action_RunsJobPrintsResultAndExitsZero(string action, string job)
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await WaitFollowedAsync(host);

        var exit = await RunAsync(host, "unit", action, "rsyslog.service");

        Assert.Equal(CliRunner.ExitOk, exit);
        Assert.Equal([job], fakes.Manager.Jobs);
        Assert.Matches($"^{job}: done \\([0-9]+ ms\\); now active \\(running\\)", _output.ToString());
    }

    [Fact]
    public async Task Unit_JobFailed_ExitsThree()
    {
        var fakes = new UnitFakes();
        fakes.Manager.NextResult = UnitJobResult.Failed;
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await WaitFollowedAsync(host);

        var exit = await RunAsync(host, "unit", "restart", "rsyslog.service");

        Assert.Equal(CliRunner.ExitNotInSync, exit);
        Assert.Contains("restart rsyslog.service: failed", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintUnits_ProcessControl_SaysUnitsAreNotFollowed()
    {
        var units = new HostAgent.Contracts.V1.UnitsStatus { Manager = "process" };
        units.Units.Add(new HostAgent.Contracts.V1.UnitStatus { Name = "rsyslog.service" });
        units.Units.Add(new HostAgent.Contracts.V1.UnitStatus { Name = "frr.service", Owner = "bgp" });

        StatusPrinter.Print(units, _output);

        var text = _output.ToString();
        Assert.Contains("units (process: states are followed only through systemd):", text, StringComparison.Ordinal);
        Assert.Matches(@"rsyslog\.service\s+not followed\r?\n", text);
        Assert.Matches(@"frr\.service\s+not followed, owned by bgp", text);
        Assert.DoesNotContain("since never", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_FollowedUnits_PrintsUnitsSection()
    {
        var fakes = new UnitFakes();
        await using var host = await AgentHost.StartAsync(fakes.Options());
        await WaitFollowedAsync(host);

        await RunAsync(host, "status");

        var text = _output.ToString();
        Assert.Contains("units (systemd):", text, StringComparison.Ordinal);
        Assert.Matches(@"rsyslog\.service\s+active \(running\)\s+since ", text);
        Assert.Matches(@"docker\.service\s+not installed", text);
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("unit", "restart")]
    [InlineData("unit", "bounce", "rsyslog.service")]
    [InlineData("unit", "restart", "a.service", "b.service")]
    public void Parse_BadUnitArguments_UsageError(params string[] args)
    {
        Assert.False(CliOptions.TryParse(["--socket", "/tmp/x.sock", .. args], out _, out var error));
        Assert.StartsWith("unit needs an action (start, restart, reload) and a unit name", error, StringComparison.Ordinal);
    }

    private static Task WaitFollowedAsync(AgentHost host) =>
        Eventually.Until(
            async () => (await host.Client.GetStatusAsync(new HostAgent.Contracts.V1.GetStatusRequest())).Units,
            u => u is not null && u.Units.Count == 2 && u.Units.All(x => x.ActiveState.Length > 0),
            "units followed");

    private Task<int> RunAsync(AgentHost host, params string[] args)
    {
        Assert.True(CliOptions.TryParse(["--socket", "/tmp/x.sock", .. args], out var options, out var error), error);
        return CliRunner.RunAsync(options!, host.Client, _output, _errors, CancellationToken.None);
    }
}
