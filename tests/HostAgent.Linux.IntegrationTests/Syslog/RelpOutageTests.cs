using System.Runtime.Versioning;
using HostAgent.TestLab;
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
    /// Not zero with rsyslog 8.2302: omrelp learns of the broken session only while sending a batch the action
    /// engine has already marked committed, and a shutdown during the outage cancels the worker that is retrying it
    /// (see <see cref="OutageScenario.FirstBatchAfterBreak"/>). librelp's window is empty by then: the server's
    /// "serverclose" arrives before the first frame after the break is sent. Everything else survives on disk.
    /// </summary>
    [SkippableFact]
    public async Task Forward_CentralServerAway20sAndNodeRestarted_RelpLosesAtMostTheFirstBatch()
    {
        Lab.RequireRoot();

        var count = await OutageScenario.RunAsync("relp", _output, restartNode: true);

        Assert.All(count.MissingNumbers, n => Assert.InRange(n, 0, OutageScenario.FirstBatchAfterBreak - 1));
    }
}
