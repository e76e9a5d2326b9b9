namespace HostAgent.Core.Reconcile;

/// <summary>Where the loop reports its numbers; the daemon implements it with Prometheus metrics.</summary>
public interface IReconcileMetrics
{
    void RunCompleted(string component, TimeSpan duration, bool failed);

    void DriftDetected(string component);

    void InSyncChanged(string component, bool inSync);

    void ActionApplied(string component, string kind);
}
