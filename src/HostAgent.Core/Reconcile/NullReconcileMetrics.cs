namespace HostAgent.Core.Reconcile;

/// <summary>Metrics that go nowhere, for tools and tests that do not export any.</summary>
public sealed class NullReconcileMetrics : IReconcileMetrics
{
    public static NullReconcileMetrics Instance { get; } = new();

    public void RunCompleted(string component, TimeSpan duration, bool failed)
    {
    }

    public void DriftDetected(string component)
    {
    }

    public void InSyncChanged(string component, bool inSync)
    {
    }

    public void ActionApplied(string component, string kind)
    {
    }
}
