using HostAgent.Core.Configuration;
using HostAgent.Core.Syslog;
using HostAgent.Core.Units;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

public class RsyslogDropInRendererTests
{
    public static TheoryData<string> Scenarios => GoldenScenario.All();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Render_Scenario_MatchesGoldenFiles(string scenario)
    {
        var golden = GoldenScenario.Load(scenario);

        var desired = golden.Desired();

        golden.AssertFile(GoldenScenario.DropInFile, desired.DropIn.Content);
        golden.AssertFile(GoldenScenario.SocketUnitFile, desired.UnitFiles.FirstOrDefault(f => f.Path == HeldSocketUnits.SocketUnitPath)?.Content);
        golden.AssertFile(GoldenScenario.ServiceDropInFile, desired.UnitFiles.FirstOrDefault(f => f.Path != HeldSocketUnits.SocketUnitPath)?.Content);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Render_Scenario_EveryValueQuotedOnce(string scenario)
    {
        var text = GoldenScenario.Load(scenario).Desired().DropIn.Content;

        // Every directive line has balanced quotes: no value can have closed a string early.
        foreach (var line in text.Split('\n').Where(l => !l.StartsWith('#')))
        {
            Assert.True(line.Count(c => c == '"') % 2 == 0, $"unbalanced quotes in: {line}");
        }
    }

    [Fact]
    public void Render_AutoWithoutOmrelp_FallsBackToTcpPort514()
    {
        var settings = new SyslogSettings { Servers = new([new SyslogServerSettings("logs.example.net")]) };

        var desired = SyslogDesired.From(settings, new RsyslogFacts(false, new([])), ServiceControl.Systemd, false);

        var target = Assert.Single(desired.Targets);
        Assert.Equal((SyslogTransport.Tcp, 514), (target.Transport, target.Port));
        Assert.DoesNotContain("omrelp", desired.DropIn.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AutoWithOmrelp_RelpOnPort2514AndModuleLoaded()
    {
        var settings = new SyslogSettings { Servers = new([new SyslogServerSettings("logs.example.net")]) };

        var desired = SyslogDesired.From(settings, new RsyslogFacts(true, new([])), ServiceControl.Systemd, false);

        Assert.Equal((SyslogTransport.Relp, 2514), (desired.Targets[0].Transport, desired.Targets[0].Port));
        Assert.Contains("module(load=\"omrelp\")", desired.DropIn.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("imuxsock", "module(load=\"imuxsock\"")]
    [InlineData("impstats", "module(load=\"impstats\"")]
    [InlineData("omrelp", "module(load=\"omrelp\")")]
    public void Render_ModuleLoadedElsewhere_NotLoadedAgain(string module, string load)
    {
        var settings = new SyslogSettings { Servers = new([new SyslogServerSettings("a", Transport: SyslogTransport.Relp)]) };

        var desired = SyslogDesired.From(settings, new RsyslogFacts(true, new([module])), ServiceControl.Systemd, false);

        Assert.DoesNotContain(load, desired.DropIn.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, ServiceControl.Systemd, SocketHolder.Systemd)]
    [InlineData(true, ServiceControl.Process, SocketHolder.Agent)]
    [InlineData(true, ServiceControl.None, SocketHolder.Rsyslog)]
    [InlineData(false, ServiceControl.Systemd, SocketHolder.Rsyslog)]
    [InlineData(false, ServiceControl.Process, SocketHolder.Rsyslog)]
    public void From_HoldSocketAndControl_DecideHolder(bool hold, ServiceControl control, SocketHolder expected)
    {
        var desired = SyslogDesired.From(new SyslogSettings { HoldSocket = hold }, new RsyslogFacts(true, new([])), control, false);

        Assert.Equal(expected, desired.Holder);
        Assert.Equal(expected == SocketHolder.Systemd ? 2 : 0, desired.UnitFiles.Count);
        Assert.Equal(expected != SocketHolder.Rsyslog, desired.DropIn.Content.Contains("unlink=\"off\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ForwardQueue_FullQueue_AlwaysReachesTheSpillMark()
    {
        // A full queue less the batch the (suspended) action worker holds must still reach the mark that starts the
        // disk worker, or the queue stays full and in memory until the server is back.
        Assert.True(RsyslogDropInRenderer.ForwardQueueSize - 2 * RsyslogDropInRenderer.DequeueBatchSize >= RsyslogDropInRenderer.ForwardQueueHighWatermark);
        Assert.True(RsyslogDropInRenderer.SocketQueueSize - 2 * RsyslogDropInRenderer.DequeueBatchSize >= RsyslogDropInRenderer.SocketQueueSize / 10 * 9);
    }
}
