using System.Runtime.CompilerServices;
using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Tests.Configuration;

namespace HostAgent.Core.Tests.Bgp;

/// <summary>The scenario folders under testdata/, found next to this source file.</summary>
internal static class BgpTestData
{
    public static string Root([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "testdata");

    public static IEnumerable<string> Scenarios() =>
        Directory.GetDirectories(Root()).Select(Path.GetFileName).Where(static n => n != "show").Order(StringComparer.Ordinal)!;

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root(), .. parts]));

    /// <summary>The scenario's settings and drain phase, rendered for a flavour.</summary>
    public static BgpDesired Desired(string scenario, BgpFlavor flavor)
    {
        var config = ConfigTestSupport.AssertValid(ConfigLoader.Parse(Read(scenario, "hostagent.json")));
        var settings = config.Bgp! with { Flavor = flavor };
        var phase = Read(scenario, "phase").Trim() switch
        {
            "shutdown" => DrainPhase.Shutdown,
            "withdrawn" => DrainPhase.Withdrawn,
            _ => DrainPhase.Active,
        };
        return BgpDesired.From(settings, settings.RouterId!.Value, phase);
    }
}
