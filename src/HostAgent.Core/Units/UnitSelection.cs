using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Units;

/// <summary>Which units the agent follows: those the config lists, then those its components own.</summary>
public sealed record UnitSelection(IReadOnlyList<string> Units, IReadOnlyDictionary<string, string> Owners)
{
    public static UnitSelection From(AgentSettings agent, IEnumerable<IComponent> components)
    {
        var units = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            if (component is not IUnitOwner owner)
            {
                continue;
            }
            foreach (var unit in owner.OwnedUnits)
            {
                // The first component to claim a unit owns it; two components owning one unit is a bug of theirs, not the operator's.
                owners.TryAdd(unit, component.Name);
            }
        }
        foreach (var unit in agent.FollowUnits.Concat(owners.Keys))
        {
            if (!units.Contains(unit, StringComparer.Ordinal))
            {
                units.Add(unit);
            }
        }
        return new UnitSelection(units, owners);
    }
}
