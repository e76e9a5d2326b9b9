namespace HostAgent.Core.Units;

/// <summary>Unit metrics that go nowhere, for tools and tests that export none.</summary>
public sealed class NullUnitMetrics : IUnitMetrics
{
    public static NullUnitMetrics Instance { get; } = new();

    public void UnitStateChanged(UnitState state)
    {
    }

    public void UnitForgotten(string unit)
    {
    }

    public void JobCompleted(string unit, UnitAction action, UnitJobResult result, TimeSpan duration)
    {
    }
}
