namespace HostAgent.Core.Configuration;

/// <summary>The "agent" section.</summary>
internal sealed partial class ConfigBinder
{
    private readonly Setting<bool> _agentObserveOnly = new();
    private readonly Setting<TimeSpan> _resyncInterval = new();
    private readonly Setting<TimeSpan> _retryMinDelay = new();
    private readonly Setting<TimeSpan> _retryMaxDelay = new();
    private readonly Setting<string> _grpcSocket = new();
    private readonly Setting<int> _grpcSocketMode = new();
    private readonly Setting<string> _metricsListen = new();
    private readonly Setting<string> _logLevel = new();
    private readonly Setting<IReadOnlyList<string>> _followUnits = new();

    internal void BindAgentObserveOnly(ConfigValue value) => BindBoolean(value, _agentObserveOnly);

    internal void BindResyncInterval(ConfigValue value) => BindDuration(value, _resyncInterval);

    internal void BindRetryMinDelay(ConfigValue value) => BindDuration(value, _retryMinDelay);

    internal void BindRetryMaxDelay(ConfigValue value) => BindDuration(value, _retryMaxDelay);

    internal void BindGrpcSocket(ConfigValue value) => BindText<string>(value, _grpcSocket, ConfigRules.TryParseSocketPath);

    internal void BindGrpcSocketMode(ConfigValue value) =>
        BindText<int>(value, _grpcSocketMode, ConfigRules.TryParseSocketMode, "must be a string of octal digits such as \"0660\"");

    internal void BindMetricsListen(ConfigValue value) => BindText<string>(value, _metricsListen, ConfigRules.TryParseListen);

    internal void BindLogLevel(ConfigValue value) => BindText<string>(value, _logLevel, ConfigRules.TryParseLogLevel);

    internal void BindFollowUnits(ConfigValue value) => BindStringList<string>(value, _followUnits, ConfigRules.TryParseUnitName);

    private void BindDuration(ConfigValue value, Setting<TimeSpan> setting) =>
        BindText<TimeSpan>(value, setting, Duration.TryParse, "must be a string such as \"30s\" (a number and a unit: ms, s, m or h)");

    private void CheckRetryDelays()
    {
        if (_retryMinDelay.Failed || _retryMaxDelay.Failed)
        {
            return;
        }
        var defaults = new AgentSettings();
        var min = _retryMinDelay.Or(defaults.RetryMinDelay);
        var max = _retryMaxDelay.Or(defaults.RetryMaxDelay);
        if (min <= max)
        {
            return;
        }
        // Blame the key the operator wrote; if only the maximum was written, the minimum is still the default.
        if (_retryMinDelay.Source is { } minSource)
        {
            Fail(minSource, $"must not be greater than retryMaxDelay ({Duration.Format(max)})");
        }
        else if (_retryMaxDelay.Source is { } maxSource)
        {
            Fail(maxSource, $"must not be less than retryMinDelay (default {Duration.Format(min)})");
        }
    }

    private AgentSettings BuildAgent()
    {
        var defaults = new AgentSettings();
        return new AgentSettings
        {
            ObserveOnly = _agentObserveOnly.Or(defaults.ObserveOnly),
            ResyncInterval = _resyncInterval.Or(defaults.ResyncInterval),
            RetryMinDelay = _retryMinDelay.Or(defaults.RetryMinDelay),
            RetryMaxDelay = _retryMaxDelay.Or(defaults.RetryMaxDelay),
            GrpcSocket = _grpcSocket.Or(defaults.GrpcSocket),
            GrpcSocketMode = _grpcSocketMode.Or(defaults.GrpcSocketMode),
            MetricsListen = _metricsListen.Or(defaults.MetricsListen),
            LogLevel = _logLevel.Or(defaults.LogLevel),
            FollowUnits = _followUnits.HasValue ? new EquatableList<string>(_followUnits.Value.Distinct(StringComparer.Ordinal)) : defaults.FollowUnits,
        };
    }
}
