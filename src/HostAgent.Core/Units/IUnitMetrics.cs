namespace HostAgent.Core.Units;

/// <summary>Where unit states and job results are counted; the daemon implements it with Prometheus metrics.</summary>
public interface IUnitMetrics
{
    void UnitStateChanged(UnitState state);

    /// <summary>The unit is no longer followed: its series go away rather than freeze at the last value.</summary>
    void UnitForgotten(string unit);

    void JobCompleted(string unit, UnitAction action, UnitJobResult result, TimeSpan duration);
}
