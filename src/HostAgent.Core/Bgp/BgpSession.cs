namespace HostAgent.Core.Bgp;

/// <summary>One BGP session as the daemon reports it.</summary>
/// <param name="State">The FSM state as the daemon names it: Established, Active, Connect, Idle, OpenSent...</param>
/// <param name="Uptime">Time in the current state (up or down); null when the daemon says "never".</param>
/// <param name="PrefixesSent">Null where the daemon does not report it (Quagga's summary); filled in from the advertised routes.</param>
/// <param name="ConnectionsEstablished">How many times the session came up; FRR only. A reset shows as an increase.</param>
public sealed record BgpSession(
    string Neighbor,
    uint RemoteAsn,
    string State,
    TimeSpan? Uptime,
    long PrefixesReceived,
    long? PrefixesSent,
    long? ConnectionsEstablished,
    string? Description)
{
    public const string EstablishedState = "Established";

    public bool Established => State == EstablishedState;
}
