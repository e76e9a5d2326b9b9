namespace HostAgent.Core.Reconcile;

/// <summary>
/// Something that knows when a component may have drifted (a file changed, a daemon went away, a
/// unit changed state) and wakes its loop, so repair does not wait for the periodic resync.
/// </summary>
public interface IDriftSignal : IDisposable
{
    /// <summary>The component to wake.</summary>
    string Component { get; }

    /// <summary>Starts watching; <paramref name="onSignal"/> gets a short reason and may be called from any thread.</summary>
    void Start(Action<string> onSignal);
}
