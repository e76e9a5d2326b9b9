using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Networking;

/// <summary>Owns the pod bridge, its gateway address and the network sysctls.</summary>
public sealed class NetworkComponent : IComponent
{
    public const string ComponentName = "network";

    private readonly IKernelNetwork _kernel;
    private readonly ISysctl _sysctl;
    private readonly ConfigHolder _config;

    // The index of the bridge as last observed, so address events (which carry only an index) can be matched.
    private int _bridgeIndex;

    public NetworkComponent(IKernelNetwork kernel, ISysctl sysctl, ConfigHolder config)
    {
        _kernel = kernel;
        _sysctl = sysctl;
        _config = config;
    }

    public string Name => ComponentName;

    public bool ObserveOnly => _config.Current.Agent.ObserveOnly || _config.Current.Network.ObserveOnly;

    public NetworkDesired Desired => NetworkDesired.From(_config.Current.Network);

    public NetworkObserved Observe(NetworkDesired desired)
    {
        var link = _kernel.GetLink(desired.Bridge);
        Volatile.Write(ref _bridgeIndex, link?.Index ?? 0);
        var addresses = link is null ? [] : _kernel.GetAddresses(link.Index);
        var sysctls = desired.Sysctls
            .Select(s => new KeyValuePair<string, string?>(s.Key, _sysctl.Read(s.Key)))
            .ToList();
        return new NetworkObserved(link, addresses, sysctls);
    }

    public ValueTask<ComponentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var desired = Desired;
        var observed = Observe(desired);
        var plan = NetworkPlanner.Plan(desired, observed);
        return ValueTask.FromResult(new ComponentPlan(plan, NetworkStateFields.Describe(desired), NetworkStateFields.Describe(observed, desired)));
    }

    public ValueTask ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case CreateBridge create:
                Volatile.Write(ref _bridgeIndex, _kernel.CreateBridge(create.Bridge, create.Mtu));
                break;
            case SetLinkUp up:
                _kernel.SetLinkUp(IndexOf(up.Bridge));
                break;
            case SetMtu mtu:
                _kernel.SetMtu(IndexOf(mtu.Bridge), mtu.To);
                break;
            case AddAddress add:
                _kernel.AddAddress(IndexOf(add.Bridge), add.Address);
                break;
            case RemoveAddress remove:
                _kernel.DeleteAddress(IndexOf(remove.Bridge), remove.Address);
                break;
            case SetSysctl sysctl:
                _sysctl.Write(sysctl.Key, sysctl.To);
                break;
            default:
                throw new ArgumentException($"not a network action: {action.Kind}", nameof(action));
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether a kernel event can concern the bridge; unrelated interfaces do not wake the loop.</summary>
    public bool IsRelevant(NetworkEvent networkEvent)
    {
        var index = Volatile.Read(ref _bridgeIndex);
        return networkEvent.Kind switch
        {
            NetworkEventKind.Overflow => true,
            NetworkEventKind.LinkChanged or NetworkEventKind.LinkDeleted =>
                networkEvent.Name == _config.Current.Network.Bridge || (index != 0 && networkEvent.IfIndex == index),
            NetworkEventKind.AddressAdded or NetworkEventKind.AddressDeleted => index == 0 || networkEvent.IfIndex == index,
            _ => false,
        };
    }

    private int IndexOf(string bridge) =>
        _kernel.GetLink(bridge)?.Index ?? throw new KernelNetworkException($"interface {bridge} does not exist", 19);
}
