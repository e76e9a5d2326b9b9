using System.Runtime.Versioning;
using HostAgent.TestCommon;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>
/// Plain TCP, where rsyslog has no omrelp: what was in flight when the connection broke can be lost; the
/// disk-assisted queue keeps the rest through the outage and a restart. Measured next to RELP.
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

        Assert.All(count.MissingNumbers, n => Assert.InRange(n, 0, OutageScenario.InFlightAtBreak - 1));
    }
}
