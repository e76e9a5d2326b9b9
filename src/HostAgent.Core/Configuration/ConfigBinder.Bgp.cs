using HostAgent.Core.Networking;

namespace HostAgent.Core.Configuration;

/// <summary>The "bgp" section; present (in the file or through any HOSTAGENT__BGP__* variable) means the BGP component runs.</summary>
internal sealed partial class ConfigBinder
{
    private readonly Setting<BgpFlavor> _bgpFlavor = new();
    private readonly Setting<uint> _bgpLocalAsn = new();
    private readonly Setting<uint> _bgpRouterId = new();
    private readonly Setting<string> _bgpRouterIdInterface = new();
    private readonly Setting<IReadOnlyList<Ipv4Cidr>> _bgpAnnounce = new();
    private readonly Setting<IReadOnlyList<BgpNeighborSettings>> _bgpNeighbors = new();
    private readonly Setting<IReadOnlyList<uint>> _bgpCommunities = new();
    private readonly Setting<bool> _bgpGracefulRestart = new();
    private readonly Setting<TimeSpan> _bgpGracefulRestartTime = new();
    private readonly Setting<TimeSpan> _bgpDrainWithdrawDelay = new();
    private readonly Setting<string> _bgpDrainStateFile = new();
    private readonly Setting<string> _bgpConfigFile = new();
    private readonly Setting<string> _bgpVtyshPath = new();
    private readonly Setting<string> _bgpVtySocketDir = new();
    private readonly Setting<string> _bgpVtyshConfigDir = new();
    private readonly Setting<string> _bgpBgpdPath = new();
    private readonly Setting<string> _bgpPidFile = new();
    private readonly Setting<string> _bgpServiceUnit = new();
    private readonly Setting<IReadOnlyList<string>> _bgpStartCommand = new();
    private readonly Setting<BgpApplyMethod> _bgpApplyMethod = new();
    private readonly Setting<string> _bgpFrrReloadPath = new();
    private readonly Setting<TimeSpan> _bgpLivenessInterval = new();
    private readonly Setting<TimeSpan> _bgpSessionPollInterval = new();
    private readonly Setting<bool> _bgpObserveOnly = new();

    /// <summary>"bfd": true values, which only the FRR flavour can honour.</summary>
    private readonly List<ConfigValue> _bgpBfdSources = [];

    private bool _bgpPresent;

    /// <summary>Where a missing required bgp key is reported: the end of the bgp section.</summary>
    private int? _bgpEndOrder;

    internal void MarkBgpPresent() => _bgpPresent = true;

    internal void MarkBgpEnd() => _bgpEndOrder = NextOrder();

    internal void BindBgpFlavor(ConfigValue value) => Bgp(() => BindText<BgpFlavor>(value, _bgpFlavor, ConfigRules.TryParseBgpFlavor));

    internal void BindBgpLocalAsn(ConfigValue value) => Bgp(() => BindAsn(value, _bgpLocalAsn));

    internal void BindBgpRouterId(ConfigValue value) => Bgp(() => BindText<uint>(value, _bgpRouterId, ConfigRules.TryParseBgpAddress));

    internal void BindBgpRouterIdInterface(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpRouterIdInterface, ConfigRules.TryParseBridge));

    internal void BindBgpAnnounce(ConfigValue value) => Bgp(() => BindDistinctList(value, _bgpAnnounce, ConfigRules.TryParseAnnouncePrefix, "prefix", requireItems: true));

    internal void BindBgpNeighbors(ConfigValue value) => Bgp(() => BindNeighbors(value));

    internal void BindBgpCommunities(ConfigValue value) => Bgp(() => BindDistinctList(value, _bgpCommunities, ConfigRules.TryParseCommunity, "community", requireItems: false));

    internal void BindBgpGracefulRestart(ConfigValue value) => Bgp(() => BindBoolean(value, _bgpGracefulRestart));

    internal void BindBgpGracefulRestartTime(ConfigValue value) => Bgp(() =>
        BindText<TimeSpan>(value, _bgpGracefulRestartTime, ConfigRules.TryParseGracefulRestartTime, "must be a string such as \"120s\""));

    internal void BindBgpDrainWithdrawDelay(ConfigValue value) => Bgp(() => BindDuration(value, _bgpDrainWithdrawDelay));

    internal void BindBgpDrainStateFile(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpDrainStateFile, ConfigRules.TryParseBgpPath));

    internal void BindBgpConfigFile(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpConfigFile, ConfigRules.TryParseBgpPath));

    internal void BindBgpVtyshPath(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpVtyshPath, ConfigRules.TryParseBgpPath));

    internal void BindBgpVtySocketDir(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpVtySocketDir, ConfigRules.TryParseOptionalBgpPath));

    internal void BindBgpVtyshConfigDir(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpVtyshConfigDir, ConfigRules.TryParseOptionalBgpPath));

    internal void BindBgpBgpdPath(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpBgpdPath, ConfigRules.TryParseBgpPath));

    internal void BindBgpPidFile(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpPidFile, ConfigRules.TryParseBgpPath));

    internal void BindBgpServiceUnit(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpServiceUnit, ConfigRules.TryParseUnitName));

    internal void BindBgpStartCommand(ConfigValue value) => Bgp(() => BindStringList<string>(value, _bgpStartCommand, ConfigRules.TryParseCommandArgument));

    internal void BindBgpApplyMethod(ConfigValue value) => Bgp(() => BindText<BgpApplyMethod>(value, _bgpApplyMethod, ConfigRules.TryParseBgpApplyMethod));

    internal void BindBgpFrrReloadPath(ConfigValue value) => Bgp(() => BindText<string>(value, _bgpFrrReloadPath, ConfigRules.TryParseBgpPath));

    internal void BindBgpLivenessInterval(ConfigValue value) => Bgp(() =>
        BindText<TimeSpan>(value, _bgpLivenessInterval, ConfigRules.TryParseLivenessInterval, "must be a string such as \"1s\""));

    internal void BindBgpSessionPollInterval(ConfigValue value) => Bgp(() =>
        BindText<TimeSpan>(value, _bgpSessionPollInterval, ConfigRules.TryParseSessionPollInterval, "must be a string such as \"10s\""));

    internal void BindBgpObserveOnly(ConfigValue value) => Bgp(() => BindBoolean(value, _bgpObserveOnly));

    private void Bgp(Action bind)
    {
        _bgpPresent = true;
        bind();
    }

    private void CheckBgp()
    {
        if (!_bgpPresent)
        {
            return;
        }
        var end = _bgpEndOrder ?? NextOrder();
        if (!_bgpLocalAsn.HasValue && !_bgpLocalAsn.Failed)
        {
            Fail(end, "bgp.localAsn", null, ConfigRules.LocalAsnRequiredRule);
        }
        if (!_bgpRouterId.HasValue && !_bgpRouterId.Failed && !_bgpRouterIdInterface.HasValue && !_bgpRouterIdInterface.Failed)
        {
            Fail(end, "bgp.routerId", null, ConfigRules.RouterIdRequiredRule);
        }
        if (_bgpFlavor.Failed)
        {
            return;
        }
        var flavor = _bgpFlavor.Or(BgpFlavor.Frr);
        if (flavor == BgpFlavor.Quagga)
        {
            if (_bgpApplyMethod is { HasValue: true, Value: BgpApplyMethod.FrrReload, Source: { } method })
            {
                Fail(method, "requires bgp.flavor \"frr\": frr-reload.py is FRR's tool");
            }
            foreach (var bfd in _bgpBfdSources)
            {
                Fail(bfd, "requires bgp.flavor \"frr\": Quagga has no BFD");
            }
        }
        if (_bgpStartCommand is { HasValue: true, Source: { } command } && _bgpStartCommand.Value is [var program, ..] && !program.StartsWith('/'))
        {
            Fail(command with { Path = command.Path + "[0]", Raw = ConfigText.Quote(program) }, "must be an absolute path: the program is run without a shell or PATH lookup");
        }
    }

    private BgpSettings? BuildBgp(Ipv4Cidr podCidr)
    {
        if (!_bgpPresent)
        {
            return null;
        }
        var flavor = _bgpFlavor.Or(BgpFlavor.Frr);
        var paths = BgpSettings.DefaultsFor(flavor);
        var defaults = new BgpSettings
        {
            LocalAsn = _bgpLocalAsn.Value,
            Announce = new EquatableList<Ipv4Cidr>([podCidr]),
            ConfigFile = paths.ConfigFile,
            BgpdPath = paths.BgpdPath,
            PidFile = paths.PidFile,
            ServiceUnit = paths.ServiceUnit,
        };
        return defaults with
        {
            Flavor = flavor,
            RouterId = _bgpRouterId.HasValue ? _bgpRouterId.Value : null,
            RouterIdInterface = _bgpRouterIdInterface.HasValue ? _bgpRouterIdInterface.Value : null,
            Announce = _bgpAnnounce.HasValue ? new EquatableList<Ipv4Cidr>(_bgpAnnounce.Value) : defaults.Announce,
            Neighbors = _bgpNeighbors.HasValue ? new EquatableList<BgpNeighborSettings>(_bgpNeighbors.Value) : defaults.Neighbors,
            Communities = _bgpCommunities.HasValue ? new EquatableList<uint>(_bgpCommunities.Value.Order()) : defaults.Communities,
            GracefulRestart = _bgpGracefulRestart.Or(defaults.GracefulRestart),
            GracefulRestartTime = _bgpGracefulRestartTime.Or(defaults.GracefulRestartTime),
            DrainWithdrawDelay = _bgpDrainWithdrawDelay.Or(defaults.DrainWithdrawDelay),
            DrainStateFile = _bgpDrainStateFile.Or(defaults.DrainStateFile),
            ConfigFile = _bgpConfigFile.Or(defaults.ConfigFile),
            VtyshPath = _bgpVtyshPath.Or(defaults.VtyshPath),
            VtySocketDir = _bgpVtySocketDir.Or(defaults.VtySocketDir),
            VtyshConfigDir = _bgpVtyshConfigDir.Or(defaults.VtyshConfigDir),
            BgpdPath = _bgpBgpdPath.Or(defaults.BgpdPath),
            PidFile = _bgpPidFile.Or(defaults.PidFile),
            ServiceUnit = _bgpServiceUnit.Or(defaults.ServiceUnit),
            StartCommand = _bgpStartCommand.HasValue ? new EquatableList<string>(_bgpStartCommand.Value) : defaults.StartCommand,
            ApplyMethod = _bgpApplyMethod.Or(defaults.ApplyMethod),
            FrrReloadPath = _bgpFrrReloadPath.Or(defaults.FrrReloadPath),
            LivenessInterval = _bgpLivenessInterval.Or(defaults.LivenessInterval),
            SessionPollInterval = _bgpSessionPollInterval.Or(defaults.SessionPollInterval),
            ObserveOnly = _bgpObserveOnly.Or(defaults.ObserveOnly),
        };
    }

    /// <summary>AS numbers are 1 to 4294967295 (4-byte, asplain); 0 is reserved.</summary>
    private void BindAsn(ConfigValue value, Setting<uint> setting)
    {
        if (!TryReadInteger(value, out var number))
        {
            Reject(setting, value, "must be an integer (asplain, e.g. 65101 or 4200000001)");
        }
        else if (number is < 1 or > uint.MaxValue)
        {
            Reject(setting, value, "must be from 1 to 4294967295");
        }
        else
        {
            setting.Set((uint)number, value);
        }
    }

    /// <summary>A list of strings each checked by <paramref name="rule"/>; an item equal to an earlier one is an error.</summary>
    private void BindDistinctList<T>(ConfigValue value, Setting<IReadOnlyList<T>> setting, TextRule<T> rule, string what, bool requireItems)
    {
        BindStringList(value, setting, rule);
        if (!setting.HasValue || setting.Source != value)
        {
            return;
        }
        var seen = new HashSet<T>();
        var index = 0;
        foreach (var item in setting.Value)
        {
            if (!seen.Add(item))
            {
                var element = value.Element[index];
                Fail(new ConfigValue(element, $"{value.Path}[{index}]", element.GetRawText(), value.Order), $"duplicate {what}: listed before");
                setting.Failed = true;
            }
            index++;
        }
        if (requireItems && setting.Value.Count == 0)
        {
            Reject(setting, value, "must list at least one prefix (leave the key out to announce network.podCidr)");
        }
    }
}
