using HostAgent.Core.Configuration;
using HostAgent.Core.Units;

namespace HostAgent.Core.Syslog;

/// <summary>What the syslog component must make true: a pure function of the settings and the host's facts.</summary>
/// <param name="UnitFiles">The socket unit and rsyslog's drop-in when systemd holds the socket; empty otherwise.</param>
/// <param name="StatsFile">Where impstats writes; null when another config file loads impstats and decides.</param>
/// <param name="SpoolDirectory">Where the queues spill to disk: the setting, else rsyslog's work directory, else the default.</param>
public sealed record SyslogDesired(
    string Directory,
    string SocketPath,
    string Owner,
    string Group,
    int Mode,
    int SocketMode,
    SocketHolder Holder,
    ServiceControl Control,
    string ServiceUnit,
    ManagedFile DropIn,
    IReadOnlyList<ManagedFile> UnitFiles,
    bool SelinuxEnforcing,
    IReadOnlyList<ForwardTarget> Targets,
    string? StatsFile,
    string SpoolDirectory)
{
    public static SyslogDesired From(SyslogSettings settings, RsyslogFacts facts, ServiceControl control, bool selinuxEnforcing)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(facts);
        var holder = !settings.HoldSocket ? SocketHolder.Rsyslog
            : control switch
            {
                ServiceControl.Systemd => SocketHolder.Systemd,
                ServiceControl.Process => SocketHolder.Agent,
                _ => SocketHolder.Rsyslog,
            };
        var targets = settings.Servers.Select((server, index) => ForwardTarget.From(server, index, facts.OmrelpAvailable)).ToList();
        var loadImpstats = !facts.IsLoadedElsewhere("impstats");
        var spool = settings.SpoolDirectory.Length > 0 ? settings.SpoolDirectory : facts.WorkDirectory ?? SyslogSettings.DefaultSpoolDirectory;
        var dropIn = new RsyslogDropIn(
            settings.SocketPath,
            holder != SocketHolder.Rsyslog,
            settings.RateLimitInterval,
            settings.RateLimitBurst,
            LoadImuxsock: !facts.IsLoadedElsewhere("imuxsock"),
            LoadImpstats: loadImpstats,
            LoadOmrelp: targets.Any(t => t.Transport == SyslogTransport.Relp) && !facts.IsLoadedElsewhere("omrelp"),
            settings.StatsFile,
            (int)settings.StatsInterval.TotalSeconds,
            spool,
            settings.MaxDiskSpace,
            targets);
        IReadOnlyList<ManagedFile> unitFiles = holder == SocketHolder.Systemd
            ?
            [
                new ManagedFile(
                    HeldSocketUnits.SocketUnitPath,
                    HeldSocketUnits.RenderSocketUnit(settings.SocketPath, settings.Owner, settings.Group, settings.SocketMode, settings.Mode, settings.ServiceUnit),
                    "socket unit"),
                new ManagedFile(HeldSocketUnits.ServiceDropInPath(settings.ServiceUnit), HeldSocketUnits.RenderServiceDropIn(), $"{settings.ServiceUnit} drop-in"),
            ]
            : [];
        return new SyslogDesired(
            settings.Directory,
            settings.SocketPath,
            settings.Owner,
            settings.Group,
            settings.Mode,
            settings.SocketMode,
            holder,
            control,
            settings.ServiceUnit,
            new ManagedFile(settings.DropInPath, RsyslogDropInRenderer.Render(dropIn), "rsyslog drop-in"),
            unitFiles,
            selinuxEnforcing,
            targets,
            loadImpstats ? settings.StatsFile : null,
            spool);
    }
}
