namespace HostAgent.Core.Units;

/// <summary>
/// A component that owns systemd units (the BGP daemon's, rsyslog's): they are followed without being
/// listed in the config, and a unit of theirs that fails marks the component dirty.
/// </summary>
public interface IUnitOwner
{
    /// <summary>The units under the current config, e.g. ["frr.service"]; read again after every reload.</summary>
    IReadOnlyCollection<string> OwnedUnits { get; }
}
