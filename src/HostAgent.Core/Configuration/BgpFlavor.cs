namespace HostAgent.Core.Configuration;

/// <summary>Which BGP daemon family runs on the node; decides the config syntax, file layout and tools.</summary>
public enum BgpFlavor
{
    /// <summary>FRR 7 or later: one integrated frr.conf, checked with vtysh -C.</summary>
    Frr,

    /// <summary>Quagga (the CentOS 7 era): a per-daemon bgpd.conf, checked with bgpd -C, saved with write memory.</summary>
    Quagga,
}
