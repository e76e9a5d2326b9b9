using System.Runtime.Versioning;
using HostAgent.TestCommon;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>RELP, the default where rsyslog has omrelp: the server acknowledges every message.</summary>
[SupportedOSPlatform("linux")]
public sealed class RelpOutageTests
{
    private readonly ITestOutputHelper _output;

    public RelpOutageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public async Task Forward_CentralServerAway20s_RelpLosesNothing()
    {
        Lab.RequireRoot();

        var count = await OutageScenario.RunAsync("relp", _output, restartNode: false);

        Assert.Equal(0, count.Lost);
    }

    /// <summary>
    /// The frames sent into the breaking connection sit in librelp's unacknowledged window; they are sent again
    /// when the connection comes back, unless rsyslogd exits first. Everything else survives the restart on disk.
    /// </summary>
    [SkippableFact]
    public async Task Forward_CentralServerAway20sAndNodeRestarted_RelpLosesAtMostTheUnacknowledgedWindow()
    {
        Lab.RequireRoot();

        var count = await OutageScenario.RunAsync("relp", _output, restartNode: true);

        Assert.All(count.MissingNumbers, n => Assert.InRange(n, 0, OutageScenario.InFlightAtBreak - 1));
    }
}
