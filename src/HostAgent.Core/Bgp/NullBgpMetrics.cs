namespace HostAgent.Core.Bgp;

/// <summary>BGP metrics that go nowhere, for tools and tests that export none.</summary>
public sealed class NullBgpMetrics : IBgpMetrics
{
    public static NullBgpMetrics Instance { get; } = new();

    public void Observed(BgpStatus status)
    {
    }

    public void ApplyCompleted(BgpApplyResult result, TimeSpan duration)
    {
    }
}
