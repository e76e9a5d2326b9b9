using System.Diagnostics.CodeAnalysis;
using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>The withdraw delay given with a drain request, read like the config's durations.</summary>
public static class BgpDrainDelay
{
    public static bool TryParse(string text, out TimeSpan delay, [NotNullWhen(false)] out string? error) =>
        Duration.TryParse(text, out delay, out error);
}
