using HostAgent.Core.Networking;

namespace HostAgent.TestFakes;

/// <summary>
/// In-memory links and addresses that refuse what the kernel refuses, with the same errno and message shape
/// as <c>RtnetlinkKernelNetwork</c>. Thread-safe.
/// </summary>
public sealed class FakeKernelNetwork : IKernelNetwork
{
    private const int MinMtu = 68;
    private const int MaxMtu = 65535;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, FakeLink> _links = [];
    private readonly List<string> _calls = [];
    private readonly Dictionary<string, int> _failNext = new(StringComparer.Ordinal);
    private int _nextIndex = 1;

    /// <summary>
    /// Every mutating call in order, failed ones included, e.g. "CreateBridge br0 1500", "SetLinkUp 5",
    /// "SetMtu 5 9000", "AddAddress 5 10.216.0.1/24", "DeleteAddress 5 10.216.0.1/24".
    /// </summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>How many reads (GetLink, GetAddresses) were made.</summary>
    public int ReadCount { get; private set; }

    /// <summary>Seeds a link as if someone else had made it; returns its index.</summary>
    public int AddLink(string name, string? kind = null, bool up = false, int mtu = 1500, bool? operUp = null)
    {
        lock (_gate)
        {
            if (FindByName(name) is not null)
            {
                throw new InvalidOperationException($"link {name} already seeded");
            }
            var link = new FakeLink(_nextIndex++, name, kind, up, operUp ?? (up && kind != "bridge"), mtu);
            _links.Add(link.Index, link);
            return link.Index;
        }
    }

    /// <summary>Removes a link as if someone else had deleted it.</summary>
    public void RemoveLink(string name)
    {
        lock (_gate)
        {
            var link = FindByName(name) ?? throw new InvalidOperationException($"no link {name}");
            _links.Remove(link.Index);
        }
    }

    /// <summary>Changes a link's state as if someone else had.</summary>
    public void SetLinkState(int ifIndex, bool? adminUp = null, bool? operUp = null, int? mtu = null)
    {
        lock (_gate)
        {
            var link = _links[ifIndex];
            link.AdminUp = adminUp ?? link.AdminUp;
            link.OperUp = operUp ?? link.OperUp;
            link.Mtu = mtu ?? link.Mtu;
        }
    }

    /// <summary>Seeds an address without recording a call.</summary>
    public void AddAddressDirect(int ifIndex, Ipv4Prefix address)
    {
        lock (_gate)
        {
            _links[ifIndex].Addresses.Add(address);
        }
    }

    /// <summary>Removes an address without recording a call.</summary>
    public void RemoveAddressDirect(int ifIndex, Ipv4Prefix address)
    {
        lock (_gate)
        {
            _links[ifIndex].Addresses.Remove(address);
        }
    }

    /// <summary>
    /// Makes the next call of <paramref name="operation"/> (an <see cref="IKernelNetwork"/> method name such as
    /// "AddAddress") throw <see cref="KernelNetworkException"/> with <paramref name="errno"/>, changing nothing.
    /// </summary>
    public void FailNext(string operation, int errno)
    {
        lock (_gate)
        {
            _failNext[operation] = errno;
        }
    }

    public LinkInfo? GetLink(string name)
    {
        ValidateName(name);
        lock (_gate)
        {
            ReadCount++;
            MaybeFail(nameof(GetLink), $"get link {name}");
            return FindByName(name)?.ToInfo();
        }
    }

    public IReadOnlyList<Ipv4Prefix> GetAddresses(int ifIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifIndex);
        lock (_gate)
        {
            ReadCount++;
            return [.. Existing(ifIndex, nameof(GetAddresses), $"list addresses of ifindex {ifIndex}").Addresses];
        }
    }

    public int CreateBridge(string name, int mtu)
    {
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mtu);
        lock (_gate)
        {
            _calls.Add($"CreateBridge {name} {mtu}");
            var operation = $"create bridge {name} with mtu {mtu}";
            MaybeFail(nameof(CreateBridge), operation);
            if (FindByName(name) is not null)
            {
                throw Failure(operation, FakeErrno.EEXIST);
            }
            if (mtu is < MinMtu or > MaxMtu)
            {
                throw Failure(operation, FakeErrno.EINVAL);
            }
            var link = new FakeLink(_nextIndex++, name, "bridge", adminUp: false, operUp: false, mtu);
            _links.Add(link.Index, link);
            return link.Index;
        }
    }

    public void SetLinkUp(int ifIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifIndex);
        lock (_gate)
        {
            _calls.Add($"SetLinkUp {ifIndex}");
            var link = Existing(ifIndex, nameof(SetLinkUp), $"set link up on ifindex {ifIndex}");
            link.AdminUp = true;
        }
    }

    public void SetMtu(int ifIndex, int mtu)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mtu);
        lock (_gate)
        {
            _calls.Add($"SetMtu {ifIndex} {mtu}");
            var operation = $"set mtu {mtu} on ifindex {ifIndex}";
            var link = Existing(ifIndex, nameof(SetMtu), operation);
            if (mtu is < MinMtu or > MaxMtu)
            {
                throw Failure(operation, FakeErrno.EINVAL);
            }
            link.Mtu = mtu;
        }
    }

    public void AddAddress(int ifIndex, Ipv4Prefix address)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifIndex);
        lock (_gate)
        {
            _calls.Add($"AddAddress {ifIndex} {address}");
            var operation = $"add address {address} on ifindex {ifIndex}";
            var link = Existing(ifIndex, nameof(AddAddress), operation);
            if (link.Addresses.Contains(address))
            {
                throw Failure(operation, FakeErrno.EEXIST);
            }
            link.Addresses.Add(address);
        }
    }

    public void DeleteAddress(int ifIndex, Ipv4Prefix address)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifIndex);
        lock (_gate)
        {
            _calls.Add($"DeleteAddress {ifIndex} {address}");
            var operation = $"delete address {address} on ifindex {ifIndex}";
            var link = Existing(ifIndex, nameof(DeleteAddress), operation);
            if (!link.Addresses.Remove(address))
            {
                throw Failure(operation, FakeErrno.EADDRNOTAVAIL);
            }
        }
    }

    /// <summary>The same argument checks as the real adapter: at most 15 bytes, no '/' or whitespace.</summary>
    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (System.Text.Encoding.UTF8.GetByteCount(name) > 15 || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{name}' is not a valid interface name", nameof(name));
        }
    }

    private FakeLink? FindByName(string name) => _links.Values.FirstOrDefault(link => link.Name == name);

    private FakeLink Existing(int ifIndex, string method, string operation)
    {
        MaybeFail(method, operation);
        return _links.TryGetValue(ifIndex, out var link) ? link : throw Failure(operation, FakeErrno.ENODEV);
    }

    private void MaybeFail(string method, string operation)
    {
        if (_failNext.Remove(method, out var errno))
        {
            throw Failure(operation, errno);
        }
    }

    private static KernelNetworkException Failure(string operation, int errno) =>
        new($"{operation}: {FakeErrno.Describe(errno)}", errno);
}
