using System.Runtime.CompilerServices;
using HostAgent.Core.Configuration;
using Xunit;

namespace HostAgent.Core.Tests.Configuration;

/// <summary>Builders for small configs and assertions on load results.</summary>
internal static class ConfigTestSupport
{
    public const string PodCidr = "\"podCidr\": \"10.216.0.0/24\"";

    public const string Minimal = "{\"network\": {" + PodCidr + "}}";

    /// <summary>A valid config whose agent section holds the given members.</summary>
    public static string Agent(string members) => $"{{\"agent\": {{{members}}}, \"network\": {{{PodCidr}}}}}";

    /// <summary>A config whose network section holds the pod CIDR plus the given members.</summary>
    public static string Network(string members) => $"{{\"network\": {{{PodCidr}, {members}}}}}";

    public static Dictionary<string, string> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(static v => v.Name, static v => v.Value, StringComparer.Ordinal);

    public static HostAgentConfig AssertValid(ConfigLoadResult result)
    {
        Assert.Empty(result.Errors.Select(static e => e.ToString()));
        Assert.True(result.IsValid);
        return Assert.IsType<HostAgentConfig>(result.Config);
    }

    public static void AssertErrors(ConfigLoadResult result, params ConfigError[] expected)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Config);
        Assert.Equal(expected.Select(static e => e.ToString()), result.Errors.Select(static e => e.ToString()));
        Assert.Equal(expected, result.Errors);
    }

    public static void AssertError(ConfigLoadResult result, string path, string? value, string rule) =>
        AssertErrors(result, new ConfigError(path, value, rule));

    /// <summary>The checkout root, found by walking up from this source file to the solution.</summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var directory = Path.GetDirectoryName(sourceFile); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "HostAgent.sln")))
            {
                return directory;
            }
        }
        throw new InvalidOperationException($"no HostAgent.sln above {sourceFile}");
    }

    public static string SampleConfigPath() => Path.Combine(RepositoryRoot(), "packaging", "hostagent.json");
}
