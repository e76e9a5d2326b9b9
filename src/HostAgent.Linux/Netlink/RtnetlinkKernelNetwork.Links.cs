using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Netlink;

/// <summary>Links: look up by name, create a bridge, bring up, change MTU.</summary>
public sealed partial class RtnetlinkKernelNetwork
{
    public LinkInfo? GetLink(string name)
    {
        ValidateName(name);
        lock (_gate)
        {
            return GetLinkLocked(name);
        }
    }

    public int CreateBridge(string name, int mtu)
    {
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mtu);
        lock (_gate)
        {
            const ushort flags = Rtnl.FlagAck | Rtnl.FlagCreate | Rtnl.FlagExcl;
            var sequence = Begin(Rtnl.NewLink, flags);
            _request.WriteIfInfo(Rtnl.AfUnspec, 0, 0, 0);
            _request.AddString(Rtnl.IflaIfname, name);
            _request.AddUInt32(Rtnl.IflaMtu, (uint)mtu);
            var linkInfo = _request.BeginNested(Rtnl.IflaLinkinfo);
            _request.AddString(Rtnl.IflaInfoKind, "bridge");
            _request.EndNested(linkInfo);
            var operation = $"create bridge {name} with mtu {mtu}";
            Exchange(sequence, flags, operation);
            return GetLinkLocked(name)?.Index
                ?? throw new KernelNetworkException($"{operation}: created, but gone before its index could be read", Errno.ENODEV);
        }
    }

    public void SetLinkUp(int ifIndex)
    {
        ValidateIndex(ifIndex);
        lock (_gate)
        {
            var sequence = Begin(Rtnl.NewLink, Rtnl.FlagAck);
            _request.WriteIfInfo(Rtnl.AfUnspec, ifIndex, Rtnl.IffUp, Rtnl.IffUp);
            Exchange(sequence, Rtnl.FlagAck, $"set link up on ifindex {ifIndex}");
        }
    }

    public void SetMtu(int ifIndex, int mtu)
    {
        ValidateIndex(ifIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mtu);
        lock (_gate)
        {
            var sequence = Begin(Rtnl.NewLink, Rtnl.FlagAck);
            _request.WriteIfInfo(Rtnl.AfUnspec, ifIndex, 0, 0);
            _request.AddUInt32(Rtnl.IflaMtu, (uint)mtu);
            Exchange(sequence, Rtnl.FlagAck, $"set mtu {mtu} on ifindex {ifIndex}");
        }
    }

    private LinkInfo? GetLinkLocked(string name)
    {
        var sequence = Begin(Rtnl.GetLink, 0);
        _request.WriteIfInfo(Rtnl.AfUnspec, 0, 0, 0);
        _request.AddString(Rtnl.IflaIfname, name);
        _request.AddUInt32(Rtnl.IflaExtMask, Rtnl.ExtFilterSkipStats);
        LinkInfo? link = null;
        try
        {
            Exchange(sequence, 0, $"get link {name}", message =>
            {
                if (message.Type == Rtnl.NewLink)
                {
                    link = RtnetlinkParser.ParseLink(message.Payload);
                }
            });
        }
        catch (KernelNetworkException exception) when (exception.Errno == Errno.ENODEV)
        {
            return null;
        }
        return link;
    }
}
