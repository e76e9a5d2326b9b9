using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Networking;

public sealed record CreateBridge(string Bridge, int Mtu) : PlannedAction
{
    public override string Kind => "create-bridge";

    public override string Description => $"create bridge {Bridge} with MTU {Mtu}";
}

public sealed record SetLinkUp(string Bridge) : PlannedAction
{
    public override string Kind => "set-link-up";

    public override string Description => $"set {Bridge} up";
}

public sealed record SetMtu(string Bridge, int From, int To) : PlannedAction
{
    public override string Kind => "set-mtu";

    public override string Description => $"set MTU of {Bridge} from {From} to {To}";
}

public sealed record AddAddress(string Bridge, Ipv4Prefix Address) : PlannedAction
{
    public override string Kind => "add-address";

    public override string Description => $"add address {Address} to {Bridge}";
}

public sealed record RemoveAddress(string Bridge, Ipv4Prefix Address) : PlannedAction
{
    public override string Kind => "remove-address";

    public override string Description => $"remove stray address {Address} from {Bridge}";
}

public sealed record SetSysctl(string Key, string? From, string To) : PlannedAction
{
    public override string Kind => "set-sysctl";

    public override string Description => $"set sysctl {Key} from {From ?? "(unset)"} to {To}";
}
