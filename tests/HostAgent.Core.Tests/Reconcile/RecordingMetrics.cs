using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Tests.Reconcile;

internal sealed class RecordingMetrics : IReconcileMetrics
{
    public int Runs { get; private set; }

    public int Failures { get; private set; }

    public int Drifts { get; private set; }

    public int Actions { get; private set; }

    public bool? InSync { get; private set; }

    public void RunCompleted(string component, TimeSpan duration, bool failed)
    {
        Runs++;
        Failures += failed ? 1 : 0;
    }

    public void DriftDetected(string component) => Drifts++;

    public void InSyncChanged(string component, bool inSync) => InSync = inSync;

    public void ActionApplied(string component, string kind) => Actions++;
}
