namespace HostAgent.Core.Units;

/// <summary>
/// Follows the state of systemd units as it changes (signals, not polling), so a daemon that stops or
/// fails shows up in status at once and can wake the component that owns it.
/// </summary>
public interface IUnitMonitor : IDisposable
{
    /// <summary>
    /// Sets where states go and how a lost subscription is reported; call once, before <see cref="FollowAsync"/>.
    /// </summary>
    /// <param name="onState">Gets each followed unit's state when following starts and on every change; any thread.</param>
    /// <param name="onError">The monitor can no longer follow (its bus connection failed).</param>
    void Start(Action<UnitState> onState, Action<Exception> onError);

    /// <summary>Follows exactly these units from now on: starts on the new ones, stops on the ones left out.</summary>
    Task FollowAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken);
}
