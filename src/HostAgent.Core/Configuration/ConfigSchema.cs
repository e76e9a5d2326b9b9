namespace HostAgent.Core.Configuration;

/// <summary>Every section and key of hostagent.json; the file and the environment are both bound through it.</summary>
internal static class ConfigSchema
{
    public static ConfigSection Agent { get; } = new("agent",
    [
        new("observeOnly", ConfigValueKind.Boolean, static (binder, value) => binder.BindAgentObserveOnly(value)),
        new("resyncInterval", ConfigValueKind.String, static (binder, value) => binder.BindResyncInterval(value)),
        new("retryMinDelay", ConfigValueKind.String, static (binder, value) => binder.BindRetryMinDelay(value)),
        new("retryMaxDelay", ConfigValueKind.String, static (binder, value) => binder.BindRetryMaxDelay(value)),
        new("grpcSocket", ConfigValueKind.String, static (binder, value) => binder.BindGrpcSocket(value)),
        new("grpcSocketMode", ConfigValueKind.String, static (binder, value) => binder.BindGrpcSocketMode(value)),
        new("metricsListen", ConfigValueKind.String, static (binder, value) => binder.BindMetricsListen(value)),
        new("logLevel", ConfigValueKind.String, static (binder, value) => binder.BindLogLevel(value)),
        new("followUnits", ConfigValueKind.Json, static (binder, value) => binder.BindFollowUnits(value)),
    ]);

    public static ConfigSection Network { get; } = new("network",
    [
        new("podCidr", ConfigValueKind.String, static (binder, value) => binder.BindPodCidr(value)),
        new("bridge", ConfigValueKind.String, static (binder, value) => binder.BindBridge(value)),
        new("gateway", ConfigValueKind.String, static (binder, value) => binder.BindGateway(value)),
        new("mtu", ConfigValueKind.Integer, static (binder, value) => binder.BindMtu(value)),
        new("observeOnly", ConfigValueKind.Boolean, static (binder, value) => binder.BindNetworkObserveOnly(value)),
        new("removeStrayAddresses", ConfigValueKind.Boolean, static (binder, value) => binder.BindRemoveStrayAddresses(value)),
        new("sysctls", ConfigValueKind.SysctlMap, static (binder, value) => binder.BindSysctls(value)),
    ]);

    public static ConfigSection Syslog { get; } = new("syslog",
    [
        new("directory", ConfigValueKind.String, static (binder, value) => binder.BindSyslogDirectory(value)),
        new("socketName", ConfigValueKind.String, static (binder, value) => binder.BindSyslogSocketName(value)),
        new("owner", ConfigValueKind.String, static (binder, value) => binder.BindSyslogOwner(value)),
        new("group", ConfigValueKind.String, static (binder, value) => binder.BindSyslogGroup(value)),
        new("mode", ConfigValueKind.String, static (binder, value) => binder.BindSyslogMode(value)),
        new("socketMode", ConfigValueKind.String, static (binder, value) => binder.BindSyslogSocketMode(value)),
        new("holdSocket", ConfigValueKind.Boolean, static (binder, value) => binder.BindSyslogHoldSocket(value)),
        new("rateLimitInterval", ConfigValueKind.Integer, static (binder, value) => binder.BindSyslogRateLimitInterval(value)),
        new("rateLimitBurst", ConfigValueKind.Integer, static (binder, value) => binder.BindSyslogRateLimitBurst(value)),
        new("servers", ConfigValueKind.Json, static (binder, value) => binder.BindSyslogServers(value)),
        new("spoolDirectory", ConfigValueKind.String, static (binder, value) => binder.BindSyslogSpoolDirectory(value)),
        new("maxDiskSpace", ConfigValueKind.String, static (binder, value) => binder.BindSyslogMaxDiskSpace(value)),
        new("mainConfig", ConfigValueKind.String, static (binder, value) => binder.BindSyslogMainConfig(value)),
        new("dropInDirectory", ConfigValueKind.String, static (binder, value) => binder.BindSyslogDropInDirectory(value)),
        new("stateDirectory", ConfigValueKind.String, static (binder, value) => binder.BindSyslogStateDirectory(value)),
        new("statsInterval", ConfigValueKind.String, static (binder, value) => binder.BindSyslogStatsInterval(value)),
        new("canaryInterval", ConfigValueKind.String, static (binder, value) => binder.BindSyslogCanaryInterval(value)),
        new("restartMinInterval", ConfigValueKind.String, static (binder, value) => binder.BindSyslogRestartMinInterval(value)),
        new("serviceUnit", ConfigValueKind.String, static (binder, value) => binder.BindSyslogServiceUnit(value)),
        new("startCommand", ConfigValueKind.Json, static (binder, value) => binder.BindSyslogStartCommand(value)),
        new("pidFile", ConfigValueKind.String, static (binder, value) => binder.BindSyslogPidFile(value)),
        new("agentLogs", ConfigValueKind.Boolean, static (binder, value) => binder.BindSyslogAgentLogs(value)),
        new("observeOnly", ConfigValueKind.Boolean, static (binder, value) => binder.BindSyslogObserveOnly(value)),
    ]);

    public static ConfigSection Bgp { get; } = new("bgp",
    [
        new("flavor", ConfigValueKind.String, static (binder, value) => binder.BindBgpFlavor(value)),
        new("localAsn", ConfigValueKind.Integer, static (binder, value) => binder.BindBgpLocalAsn(value)),
        new("routerId", ConfigValueKind.String, static (binder, value) => binder.BindBgpRouterId(value)),
        new("routerIdInterface", ConfigValueKind.String, static (binder, value) => binder.BindBgpRouterIdInterface(value)),
        new("announce", ConfigValueKind.Json, static (binder, value) => binder.BindBgpAnnounce(value)),
        new("neighbors", ConfigValueKind.Json, static (binder, value) => binder.BindBgpNeighbors(value)),
        new("communities", ConfigValueKind.Json, static (binder, value) => binder.BindBgpCommunities(value)),
        new("gracefulRestart", ConfigValueKind.Boolean, static (binder, value) => binder.BindBgpGracefulRestart(value)),
        new("gracefulRestartTime", ConfigValueKind.String, static (binder, value) => binder.BindBgpGracefulRestartTime(value)),
        new("drainWithdrawDelay", ConfigValueKind.String, static (binder, value) => binder.BindBgpDrainWithdrawDelay(value)),
        new("drainStateFile", ConfigValueKind.String, static (binder, value) => binder.BindBgpDrainStateFile(value)),
        new("configFile", ConfigValueKind.String, static (binder, value) => binder.BindBgpConfigFile(value)),
        new("vtyshPath", ConfigValueKind.String, static (binder, value) => binder.BindBgpVtyshPath(value)),
        new("vtySocketDir", ConfigValueKind.String, static (binder, value) => binder.BindBgpVtySocketDir(value)),
        new("vtyshConfigDir", ConfigValueKind.String, static (binder, value) => binder.BindBgpVtyshConfigDir(value)),
        new("bgpdPath", ConfigValueKind.String, static (binder, value) => binder.BindBgpBgpdPath(value)),
        new("pidFile", ConfigValueKind.String, static (binder, value) => binder.BindBgpPidFile(value)),
        new("serviceUnit", ConfigValueKind.String, static (binder, value) => binder.BindBgpServiceUnit(value)),
        new("startCommand", ConfigValueKind.Json, static (binder, value) => binder.BindBgpStartCommand(value)),
        new("applyMethod", ConfigValueKind.String, static (binder, value) => binder.BindBgpApplyMethod(value)),
        new("frrReloadPath", ConfigValueKind.String, static (binder, value) => binder.BindBgpFrrReloadPath(value)),
        new("livenessInterval", ConfigValueKind.String, static (binder, value) => binder.BindBgpLivenessInterval(value)),
        new("sessionPollInterval", ConfigValueKind.String, static (binder, value) => binder.BindBgpSessionPollInterval(value)),
        new("observeOnly", ConfigValueKind.Boolean, static (binder, value) => binder.BindBgpObserveOnly(value)),
    ]);

    public static IReadOnlyList<ConfigSection> Sections { get; } = [Agent, Network, Syslog, Bgp];

    public static ConfigSection? FindSection(string name, StringComparison comparison) =>
        Sections.FirstOrDefault(section => string.Equals(section.Name, name, comparison));
}
