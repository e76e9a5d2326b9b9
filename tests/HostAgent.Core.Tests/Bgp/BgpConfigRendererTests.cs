using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

/// <summary>
/// Golden files: testdata/SCENARIO/frr.conf and bgpd.conf are the expected renderings. The FRR files are
/// exactly what FRR 8.4 prints for the same objects (checked against the daemon by the integration tests).
/// Set HOSTAGENT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public class BgpConfigRendererTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in BgpTestData.Scenarios())
        {
            data.Add(scenario, "frr");
            data.Add(scenario, "quagga");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_Scenario_MatchesGoldenFile(string scenario, string flavor)
    {
        var desired = BgpTestData.Desired(scenario, flavor == "frr" ? BgpFlavor.Frr : BgpFlavor.Quagga);
        var file = Path.Combine(BgpTestData.Root(), scenario, flavor == "frr" ? "frr.conf" : "bgpd.conf");

        var text = BgpConfigRenderer.Render(desired);

        if (Environment.GetEnvironmentVariable("HOSTAGENT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(file, text);
        }
        Assert.Equal(File.ReadAllText(file), text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_Scenario_DiffAgainstItselfIsEmpty(string scenario, string flavor)
    {
        var desired = BgpTestData.Desired(scenario, flavor == "frr" ? BgpFlavor.Frr : BgpFlavor.Quagga);
        var text = DaemonConfig.Parse(BgpConfigRenderer.Render(desired));

        var change = BgpConfigDiffer.Diff(text, text, desired.Flavor);

        Assert.True(change.IsEmpty, change.Summary);
    }

    [Fact]
    public void Render_Full_NeverPrintsPasswordsOutsideTheirLines()
    {
        var desired = BgpTestData.Desired("full", BgpFlavor.Frr);

        var lines = BgpConfigRenderer.Render(desired).Split('\n');

        Assert.Equal(2, lines.Count(l => l.Contains("password", StringComparison.Ordinal)));
        Assert.All(lines.Where(l => l.Contains("s3cr3t", StringComparison.Ordinal)), l => Assert.StartsWith(" neighbor 192.168.77.9 password ", l, StringComparison.Ordinal));
    }
}
