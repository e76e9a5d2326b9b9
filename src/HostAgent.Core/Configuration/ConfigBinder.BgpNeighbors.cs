using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>"bgp.neighbors": a list of objects, every problem reported under its own path, e.g. bgp.neighbors[1].description.</summary>
internal sealed partial class ConfigBinder
{
    private static readonly string[] NeighborKeys = ["address", "remoteAsn", "password", "description", "bfd"];

    private void BindNeighbors(ConfigValue value)
    {
        if (value.Element.ValueKind != JsonValueKind.Array)
        {
            Reject(_bgpNeighbors, value, "must be a list of neighbors, such as [{ \"address\": \"192.168.77.1\", \"remoteAsn\": 65000 }]");
            return;
        }
        _bgpBfdSources.Clear();
        var neighbors = new List<BgpNeighborSettings>();
        var errorsBefore = _errors.Count;
        foreach (var item in Items(value))
        {
            if (BindNeighbor(item) is not { } neighbor)
            {
                continue;
            }
            if (neighbors.Any(n => n.Address == neighbor.Address))
            {
                Fail(item, "duplicate neighbor: the same address is listed before");
                continue;
            }
            neighbors.Add(neighbor);
        }
        if (_errors.Count > errorsBefore)
        {
            _bgpNeighbors.Failed = true;
            return;
        }
        _bgpNeighbors.Set(neighbors, value);
    }

    private BgpNeighborSettings? BindNeighbor(ConfigValue item)
    {
        var errorsBefore = _errors.Count;
        if (!TryProperties(item, NeighborKeys, out var properties))
        {
            return null;
        }
        var address = new Setting<uint>();
        var remoteAsn = new Setting<uint>();
        var password = new Setting<string>();
        var description = new Setting<string>();
        var bfd = new Setting<bool>();
        Bind(properties, "address", v => BindText<uint>(v, address, ConfigRules.TryParseBgpAddress));
        Bind(properties, "remoteAsn", v => BindAsn(v, remoteAsn));
        Bind(properties, "password", v => BindText<string>(v, password, ConfigRules.TryParseBgpPassword));
        Bind(properties, "description", v => BindText<string>(v, description, ConfigRules.TryParseBgpDescription));
        Bind(properties, "bfd", v => BindBoolean(v, bfd));
        if (!properties.ContainsKey("address"))
        {
            Fail(item.Order, $"{item.Path}.address", null, "required: the neighbor's IPv4 address");
        }
        if (!properties.ContainsKey("remoteAsn"))
        {
            Fail(item.Order, $"{item.Path}.remoteAsn", null, "required: the neighbor's AS number");
        }
        if (bfd is { HasValue: true, Value: true, Source: { } bfdSource })
        {
            _bgpBfdSources.Add(bfdSource);
        }
        if (_errors.Count > errorsBefore)
        {
            return null;
        }
        return new BgpNeighborSettings(
            address.Value,
            remoteAsn.Value,
            password.HasValue ? password.Value : null,
            description.HasValue ? description.Value : null,
            bfd.Or(false));
    }

    private static void Bind(Dictionary<string, ConfigValue> properties, string key, Action<ConfigValue> bind)
    {
        if (properties.TryGetValue(key, out var value))
        {
            bind(value);
        }
    }
}
