using System.Text;
using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>The "syslog" section; present (even as {}) means the syslog component runs.</summary>
internal sealed partial class ConfigBinder
{
    private static readonly string[] ServerKeys = ["address", "port", "transport", "tlsCaFile", "tlsCertFile", "tlsKeyFile"];

    private readonly Setting<string> _syslogDirectory = new();
    private readonly Setting<string> _syslogSocketName = new();
    private readonly Setting<string> _syslogOwner = new();
    private readonly Setting<string> _syslogGroup = new();
    private readonly Setting<int> _syslogMode = new();
    private readonly Setting<int> _syslogSocketMode = new();
    private readonly Setting<bool> _syslogHoldSocket = new();
    private readonly Setting<int> _syslogRateLimitInterval = new();
    private readonly Setting<int> _syslogRateLimitBurst = new();
    private readonly Setting<IReadOnlyList<SyslogServerSettings>> _syslogServers = new();
    private readonly Setting<string> _syslogSpoolDirectory = new();
    private readonly Setting<string> _syslogMaxDiskSpace = new();
    private readonly Setting<string> _syslogMainConfig = new();
    private readonly Setting<string> _syslogDropInDirectory = new();
    private readonly Setting<string> _syslogStateDirectory = new();
    private readonly Setting<TimeSpan> _syslogStatsInterval = new();
    private readonly Setting<TimeSpan> _syslogCanaryInterval = new();
    private readonly Setting<TimeSpan> _syslogRestartMinInterval = new();
    private readonly Setting<string> _syslogServiceUnit = new();
    private readonly Setting<IReadOnlyList<string>> _syslogStartCommand = new();
    private readonly Setting<string> _syslogPidFile = new();
    private readonly Setting<bool> _syslogAgentLogs = new();
    private readonly Setting<bool> _syslogObserveOnly = new();

    /// <summary>The section was given, in the file or by any HOSTAGENT__SYSLOG__* variable.</summary>
    private bool _syslogPresent;

    internal void MarkSyslogPresent() => _syslogPresent = true;

    internal void BindSyslogDirectory(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogDirectory, ConfigRules.TryParseSyslogPath));

    internal void BindSyslogSocketName(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogSocketName, ConfigRules.TryParseSocketName));

    internal void BindSyslogOwner(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogOwner, ConfigRules.TryParseAccount));

    internal void BindSyslogGroup(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogGroup, ConfigRules.TryParseAccount));

    internal void BindSyslogMode(ConfigValue value) => Syslog(() =>
        BindText<int>(value, _syslogMode, ConfigRules.TryParseSocketMode, "must be a string of octal digits such as \"0755\""));

    internal void BindSyslogSocketMode(ConfigValue value) => Syslog(() =>
        BindText<int>(value, _syslogSocketMode, ConfigRules.TryParseSocketMode, "must be a string of octal digits such as \"0666\""));

    internal void BindSyslogHoldSocket(ConfigValue value) => Syslog(() => BindBoolean(value, _syslogHoldSocket));

    internal void BindSyslogRateLimitInterval(ConfigValue value) =>
        Syslog(() => BindInteger(value, _syslogRateLimitInterval, 0, ConfigRules.MaxRateLimitInterval));

    internal void BindSyslogRateLimitBurst(ConfigValue value) =>
        Syslog(() => BindInteger(value, _syslogRateLimitBurst, 1, ConfigRules.MaxRateLimitBurst));

    internal void BindSyslogServers(ConfigValue value) => Syslog(() => BindServers(value));

    internal void BindSyslogSpoolDirectory(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogSpoolDirectory, ConfigRules.TryParseOptionalSyslogPath));

    internal void BindSyslogMaxDiskSpace(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogMaxDiskSpace, ConfigRules.TryParseDiskSpace));

    internal void BindSyslogMainConfig(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogMainConfig, ConfigRules.TryParseSyslogPath));

    internal void BindSyslogDropInDirectory(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogDropInDirectory, ConfigRules.TryParseSyslogPath));

    internal void BindSyslogStateDirectory(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogStateDirectory, ConfigRules.TryParseSyslogPath));

    internal void BindSyslogStatsInterval(ConfigValue value) => Syslog(() =>
        BindText<TimeSpan>(value, _syslogStatsInterval, ConfigRules.TryParseWholeSeconds, "must be a string such as \"10s\""));

    internal void BindSyslogCanaryInterval(ConfigValue value) => Syslog(() => BindDuration(value, _syslogCanaryInterval));

    internal void BindSyslogRestartMinInterval(ConfigValue value) => Syslog(() => BindDuration(value, _syslogRestartMinInterval));

    internal void BindSyslogServiceUnit(ConfigValue value) => Syslog(() => BindText<string>(value, _syslogServiceUnit, ConfigRules.TryParseUnitName));

    internal void BindSyslogStartCommand(ConfigValue value) =>
        Syslog(() => BindStringList<string>(value, _syslogStartCommand, ConfigRules.TryParseCommandArgument));

    internal void BindSyslogPidFile(ConfigValue value) => Syslog(() =>
        BindText<string>(value, _syslogPidFile, ConfigRules.TryParseOptionalSyslogPath));

    internal void BindSyslogAgentLogs(ConfigValue value) => Syslog(() => BindBoolean(value, _syslogAgentLogs));

    internal void BindSyslogObserveOnly(ConfigValue value) => Syslog(() => BindBoolean(value, _syslogObserveOnly));

    private void Syslog(Action bind)
    {
        _syslogPresent = true;
        bind();
    }

    private void BindServers(ConfigValue value)
    {
        if (value.Element.ValueKind != JsonValueKind.Array)
        {
            Reject(_syslogServers, value, "must be a list of servers, such as [{ \"address\": \"logs.example.net\" }]");
            return;
        }
        var servers = new List<SyslogServerSettings>();
        var failed = false;
        foreach (var item in Items(value))
        {
            if (BindServer(item) is { } server)
            {
                if (servers.Any(s => s.Address == server.Address && s.Port == server.Port))
                {
                    Fail(item, "duplicate server: the same address and port are listed before");
                    failed = true;
                }
                servers.Add(server);
            }
            else
            {
                failed = true;
            }
        }
        if (failed)
        {
            _syslogServers.Failed = true;
        }
        else
        {
            _syslogServers.Set(servers, value);
        }
    }

    private SyslogServerSettings? BindServer(ConfigValue item)
    {
        if (!TryProperties(item, ServerKeys, out var properties))
        {
            return null;
        }
        var errorsBefore = _errors.Count;
        var address = new Setting<string>();
        var port = new Setting<int>();
        var transport = new Setting<SyslogTransport>();
        var caFile = new Setting<string>();
        var certFile = new Setting<string>();
        var keyFile = new Setting<string>();
        if (properties.TryGetValue("address", out var addressValue))
        {
            BindText<string>(addressValue, address, ConfigRules.TryParseServerAddress);
        }
        else
        {
            Fail(item.Order, $"{item.Path}.address", null, "required: the server's host name or address");
        }
        if (properties.TryGetValue("port", out var portValue))
        {
            BindInteger(portValue, port, 1, 65535);
        }
        if (properties.TryGetValue("transport", out var transportValue))
        {
            BindText<SyslogTransport>(transportValue, transport, ConfigRules.TryParseTransport);
        }
        BindOptionalPath(properties, "tlsCaFile", caFile);
        BindOptionalPath(properties, "tlsCertFile", certFile);
        BindOptionalPath(properties, "tlsKeyFile", keyFile);
        if (certFile.HasValue != keyFile.HasValue)
        {
            var given = (certFile.Source ?? keyFile.Source)!;
            Fail(given, "tlsCertFile and tlsKeyFile go together: give both or neither");
        }
        else if (certFile.HasValue && !caFile.HasValue && !caFile.Failed)
        {
            Fail(certFile.Source!, "needs tlsCaFile: TLS is turned on by the CA that checks the server");
        }
        if (caFile.HasValue && transport.HasValue && transport.Value == SyslogTransport.Tcp)
        {
            Fail(transport.Source!, "TLS is offered over RELP only: use \"relp\" or \"auto\" with tlsCaFile");
        }
        if (_errors.Count != errorsBefore)
        {
            return null;
        }
        return new SyslogServerSettings(
            address.Value,
            port.HasValue ? port.Value : null,
            transport.Or(SyslogTransport.Auto),
            caFile.HasValue ? caFile.Value : null,
            certFile.HasValue ? certFile.Value : null,
            keyFile.HasValue ? keyFile.Value : null);
    }

    private void BindOptionalPath(Dictionary<string, ConfigValue> properties, string name, Setting<string> setting)
    {
        if (properties.TryGetValue(name, out var value))
        {
            BindText<string>(value, setting, ConfigRules.TryParseSyslogPath);
        }
    }

    private void CheckSyslog()
    {
        if (!_syslogPresent)
        {
            return;
        }
        var defaults = new SyslogSettings();
        if (!_syslogDirectory.Failed && !_syslogSocketName.Failed)
        {
            var path = Path.Combine(_syslogDirectory.Or(defaults.Directory), _syslogSocketName.Or(defaults.SocketName));
            if (Encoding.UTF8.GetByteCount(path) > ConfigRules.MaxSocketPathBytes && (_syslogSocketName.Source ?? _syslogDirectory.Source) is { } source)
            {
                Fail(source, $"the socket path {path} must be at most {ConfigRules.MaxSocketPathBytes} bytes (the Unix socket path limit)");
            }
        }
        if (_syslogStartCommand.HasValue && _syslogStartCommand.Value.Count > 0 && _syslogPidFile.Or("").Length == 0 && !_syslogPidFile.Failed)
        {
            Fail(_syslogStartCommand.Source!, "needs pidFile (the -i of the command), so a restarted agent finds the rsyslogd it started");
        }
    }

    private SyslogSettings? BuildSyslog()
    {
        if (!_syslogPresent)
        {
            return null;
        }
        var defaults = new SyslogSettings();
        return new SyslogSettings
        {
            Directory = _syslogDirectory.Or(defaults.Directory),
            SocketName = _syslogSocketName.Or(defaults.SocketName),
            Owner = _syslogOwner.Or(defaults.Owner),
            Group = _syslogGroup.Or(defaults.Group),
            Mode = _syslogMode.Or(defaults.Mode),
            SocketMode = _syslogSocketMode.Or(defaults.SocketMode),
            HoldSocket = _syslogHoldSocket.Or(defaults.HoldSocket),
            RateLimitInterval = _syslogRateLimitInterval.Or(defaults.RateLimitInterval),
            RateLimitBurst = _syslogRateLimitBurst.Or(defaults.RateLimitBurst),
            Servers = _syslogServers.HasValue ? new EquatableList<SyslogServerSettings>(_syslogServers.Value) : defaults.Servers,
            SpoolDirectory = _syslogSpoolDirectory.Or(defaults.SpoolDirectory),
            MaxDiskSpace = _syslogMaxDiskSpace.Or(defaults.MaxDiskSpace),
            MainConfig = _syslogMainConfig.Or(defaults.MainConfig),
            DropInDirectory = _syslogDropInDirectory.Or(defaults.DropInDirectory),
            StateDirectory = _syslogStateDirectory.Or(defaults.StateDirectory),
            StatsInterval = _syslogStatsInterval.Or(defaults.StatsInterval),
            CanaryInterval = _syslogCanaryInterval.Or(defaults.CanaryInterval),
            RestartMinInterval = _syslogRestartMinInterval.Or(defaults.RestartMinInterval),
            ServiceUnit = _syslogServiceUnit.Or(defaults.ServiceUnit),
            StartCommand = _syslogStartCommand.HasValue ? new EquatableList<string>(_syslogStartCommand.Value) : defaults.StartCommand,
            PidFile = _syslogPidFile.Or(defaults.PidFile),
            AgentLogs = _syslogAgentLogs.Or(defaults.AgentLogs),
            ObserveOnly = _syslogObserveOnly.Or(defaults.ObserveOnly),
        };
    }
}
