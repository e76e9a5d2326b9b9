using System.Runtime.Versioning;
using HostAgent.TestLab;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>
/// Plain TCP, where rsyslog has no omrelp: a restart during the outage loses the batch omfwd was sending when it
/// found the connection broken, as with RELP; the disk-assisted queue keeps the rest. Measured next to RELP.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class TcpOutageTests
{
    private readonly ITestOutputHelper _output;

    public TcpOutageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Forward_CentralServerAway20s_TcpLosesAtMostWhatWasInFlight(bool restartNode)
    {
        Lab.RequireRoot();

        var count = await OutageScenario.RunAsync("tcp", _output, restartNode);

        Assert.All(count.MissingNumbers, n => Assert.InRange(n, 0, OutageScenario.FirstBatchAfterBreak - 1));
    }
}
