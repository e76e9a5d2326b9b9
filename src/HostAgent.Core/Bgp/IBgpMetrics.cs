namespace HostAgent.Core.Bgp;

/// <summary>Where the BGP component reports its numbers; the daemon implements it with Prometheus metrics.</summary>
public interface IBgpMetrics
{
    /// <summary>After every observation: sessions, prefixes, announcement drift, drained, daemon up.</summary>
    void Observed(BgpStatus status);

    void ApplyCompleted(BgpApplyResult result, TimeSpan duration);
}
