using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>The "network" section, apart from its sysctls.</summary>
internal sealed partial class ConfigBinder
{
    private readonly Setting<Ipv4Cidr> _podCidr = new();
    private readonly Setting<string> _bridge = new();
    private readonly Setting<uint> _gateway = new();
    private readonly Setting<int> _mtu = new();
    private readonly Setting<bool> _networkObserveOnly = new();
    private readonly Setting<bool> _removeStrayAddresses = new();

    /// <summary>Where a missing podCidr is reported: the end of the network section, or of the document.</summary>
    private int? _podCidrMissingOrder;

    internal void BindPodCidr(ConfigValue value) => BindText<Ipv4Cidr>(value, _podCidr, ConfigRules.TryParsePodCidr);

    internal void BindBridge(ConfigValue value) => BindText<string>(value, _bridge, ConfigRules.TryParseBridge);

    internal void BindGateway(ConfigValue value) => BindText<uint>(value, _gateway, ConfigRules.TryParseGateway);

    internal void BindMtu(ConfigValue value) => BindInteger(value, _mtu, ConfigRules.MinMtu, ConfigRules.MaxMtu);

    internal void BindNetworkObserveOnly(ConfigValue value) => BindBoolean(value, _networkObserveOnly);

    internal void BindRemoveStrayAddresses(ConfigValue value) => BindBoolean(value, _removeStrayAddresses);

    private void CheckNetwork()
    {
        if (!_podCidr.HasValue)
        {
            if (!_podCidr.Failed)
            {
                Fail(_podCidrMissingOrder ?? NextOrder(), "network.podCidr", null, ConfigRules.PodCidrRequiredRule);
            }
            return;
        }
        if (_podCidr.Failed || _gateway.Failed || _gateway.Source is not { } gatewaySource)
        {
            return;
        }
        if (ConfigRules.CheckGateway(_gateway.Value, _podCidr.Value) is { } rule)
        {
            Fail(gatewaySource, rule);
        }
    }

    private NetworkSettings BuildNetwork()
    {
        var podCidr = _podCidr.Value;
        var defaults = new NetworkSettings { PodCidr = podCidr, Gateway = podCidr.FirstHost };
        return defaults with
        {
            Bridge = _bridge.Or(defaults.Bridge),
            Gateway = _gateway.Or(defaults.Gateway),
            Mtu = _mtu.Or(defaults.Mtu),
            ObserveOnly = _networkObserveOnly.Or(defaults.ObserveOnly),
            RemoveStrayAddresses = _removeStrayAddresses.Or(defaults.RemoveStrayAddresses),
            Sysctls = BuildSysctls(defaults.Sysctls),
        };
    }
}
