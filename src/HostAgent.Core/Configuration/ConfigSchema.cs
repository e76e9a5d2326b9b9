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

    public static IReadOnlyList<ConfigSection> Sections { get; } = [Agent, Network];

    public static ConfigSection? FindSection(string name, StringComparison comparison) =>
        Sections.FirstOrDefault(section => string.Equals(section.Name, name, comparison));
}
