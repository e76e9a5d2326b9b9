using HostAgent.Core.Configuration;

namespace HostAgent.Core.Bgp;

/// <summary>Where the daemon and its tools are: the part of the settings the OS adapter needs.</summary>
public sealed record BgpTooling(
    BgpFlavor Flavor,
    string VtyshPath,
    string VtySocketDir,
    string VtyshConfigDir,
    string BgpdPath,
    string ConfigFile,
    string PidFile,
    string FrrReloadPath)
{
    public static BgpTooling From(BgpSettings settings) => new(
        settings.Flavor,
        settings.VtyshPath,
        settings.VtySocketDir,
        settings.VtyshConfigDir,
        settings.BgpdPath,
        settings.ConfigFile,
        settings.PidFile,
        settings.FrrReloadPath);

    /// <summary>
    /// bgpd's vty socket: in <see cref="VtySocketDir"/> when set, otherwise next to its pid file, where both
    /// FRR (/run/frr) and Quagga (/run/quagga) keep it by default.
    /// </summary>
    public string BgpdVtySocket => Path.Combine(VtySocketDir.Length > 0 ? VtySocketDir : Path.GetDirectoryName(PidFile) ?? "/run/frr", "bgpd.vty");
}
