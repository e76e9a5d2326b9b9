using HostAgent.Core.Networking;

namespace HostAgent.TestFakes;

/// <summary>One link held by <see cref="FakeKernelNetwork"/>.</summary>
internal sealed class FakeLink(int index, string name, string? kind, bool adminUp, bool operUp, int mtu)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public string? Kind { get; } = kind;

    public bool AdminUp { get; set; } = adminUp;

    public bool OperUp { get; set; } = operUp;

    public int Mtu { get; set; } = mtu;

    public List<Ipv4Prefix> Addresses { get; } = [];

    public LinkInfo ToInfo() => new(Index, Name, Kind, AdminUp, OperUp, Mtu);
}
