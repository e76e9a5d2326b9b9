namespace HostAgent.Core.Syslog;

/// <summary>Everything the agent's rsyslog drop-in says; rendered by <see cref="RsyslogDropInRenderer"/>.</summary>
/// <param name="HeldSocket">The socket comes from outside rsyslogd (systemd or the agent): rsyslogd must not unlink it.</param>
/// <param name="LoadImuxsock">False when another config file loads imuxsock already.</param>
/// <param name="LoadImpstats">False when another config file loads impstats already (its settings then stand).</param>
/// <param name="LoadOmrelp">True when a target uses RELP and no other config file loads omrelp.</param>
public sealed record RsyslogDropIn(
    string SocketPath,
    bool HeldSocket,
    int RateLimitInterval,
    int RateLimitBurst,
    bool LoadImuxsock,
    bool LoadImpstats,
    bool LoadOmrelp,
    string StatsFile,
    int StatsIntervalSeconds,
    string SpoolDirectory,
    string MaxDiskSpace,
    IReadOnlyList<ForwardTarget> Targets);
