using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderBgpTests
{
    private const string Tor = "{ \"address\": \"192.168.77.1\", \"remoteAsn\": 65000 }";

    [Fact]
    public void Parse_NoBgpSection_ComponentOff()
    {
        Assert.Null(AssertValid(ConfigLoader.Parse(Minimal)).Bgp);
    }

    [Fact]
    public void Parse_MinimalBgp_FrrDefaultsAndPodCidrAnnounced()
    {
        var bgp = AssertValid(ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerIdInterface\": \"eth0\""))).Bgp!;

        Assert.Equal(BgpFlavor.Frr, bgp.Flavor);
        Assert.Equal(65101u, bgp.LocalAsn);
        Assert.Null(bgp.RouterId);
        Assert.Equal("eth0", bgp.RouterIdInterface);
        Assert.Equal([Ipv4Cidr.Parse("10.216.0.0/24")], bgp.Announce);
        Assert.Empty(bgp.Neighbors);
        Assert.Equal("/etc/frr/frr.conf", bgp.ConfigFile);
        Assert.Equal("/usr/lib/frr/bgpd", bgp.BgpdPath);
        Assert.Equal("/run/frr/bgpd.pid", bgp.PidFile);
        Assert.Equal("frr.service", bgp.ServiceUnit);
        Assert.Equal("/usr/bin/vtysh", bgp.VtyshPath);
        Assert.Equal("", bgp.VtySocketDir);
        Assert.Equal(BgpApplyMethod.Diff, bgp.ApplyMethod);
        Assert.Equal(TimeSpan.FromSeconds(120), bgp.GracefulRestartTime);
        Assert.Equal(TimeSpan.FromSeconds(60), bgp.DrainWithdrawDelay);
        Assert.Equal("/var/lib/hostagent/bgp-drain.json", bgp.DrainStateFile);
        Assert.Equal(TimeSpan.FromSeconds(1), bgp.LivenessInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), bgp.SessionPollInterval);
    }

    [Fact]
    public void Parse_Quagga_QuaggaPaths()
    {
        var bgp = AssertValid(ConfigLoader.Parse(Bgp("\"flavor\": \"quagga\", \"localAsn\": 65101, \"routerId\": \"10.0.0.1\""))).Bgp!;

        Assert.Equal(BgpFlavor.Quagga, bgp.Flavor);
        Assert.Equal("/etc/quagga/bgpd.conf", bgp.ConfigFile);
        Assert.Equal("/usr/sbin/bgpd", bgp.BgpdPath);
        Assert.Equal("/run/quagga/bgpd.pid", bgp.PidFile);
        Assert.Equal("bgpd.service", bgp.ServiceUnit);
    }

    [Fact]
    public void Parse_EverySetting_Bound()
    {
        var bgp = AssertValid(ConfigLoader.Parse(Bgp("""
            "localAsn": 4200000001, "routerId": "192.168.77.2",
            "announce": ["10.216.0.0/24", "10.217.0.0/25"],
            "neighbors": [ { "address": "192.168.77.1", "remoteAsn": 65000, "password": "s3cr3t!", "description": "tor a (rack 7)", "bfd": true } ],
            "communities": ["65101:100", "no-export"],
            "gracefulRestart": true, "gracefulRestartTime": "90s", "drainWithdrawDelay": "5m", "drainStateFile": "/var/lib/x/drain.json",
            "configFile": "/srv/frr/frr.conf", "vtyshPath": "/opt/frr/bin/vtysh", "vtySocketDir": "/srv/frr", "vtyshConfigDir": "/srv/frr",
            "bgpdPath": "/opt/frr/bgpd", "pidFile": "/srv/frr/bgpd.pid", "serviceUnit": "frr@lab.service",
            "startCommand": ["/opt/frr/bgpd", "-d", "-f", "/srv/frr/frr.conf"], "applyMethod": "frr-reload",
            "frrReloadPath": "/opt/frr/frr-reload.py", "livenessInterval": "500ms", "sessionPollInterval": "30s", "observeOnly": true
            """))).Bgp!;

        Assert.Equal(4200000001u, bgp.LocalAsn);
        Assert.Equal(new BgpNeighborSettings(Ipv4Cidr.Parse("192.168.77.1/32").Network, 65000, "s3cr3t!", "tor a (rack 7)", true), Assert.Single(bgp.Neighbors));
        Assert.Equal([(65101u << 16) | 100, 0xFFFFFF01u], bgp.Communities);
        Assert.Equal(2, bgp.Announce.Count);
        Assert.True(bgp.GracefulRestart);
        Assert.Equal(TimeSpan.FromSeconds(90), bgp.GracefulRestartTime);
        Assert.Equal(TimeSpan.FromMinutes(5), bgp.DrainWithdrawDelay);
        Assert.Equal(["/opt/frr/bgpd", "-d", "-f", "/srv/frr/frr.conf"], bgp.StartCommand);
        Assert.Equal(BgpApplyMethod.FrrReload, bgp.ApplyMethod);
        Assert.Equal("frr@lab.service", bgp.ServiceUnit);
        Assert.Equal(TimeSpan.FromMilliseconds(500), bgp.LivenessInterval);
        Assert.True(bgp.ObserveOnly);
        Assert.DoesNotContain("s3cr3t", bgp.Neighbors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptySection_RequiredKeysMissing()
    {
        AssertErrors(ConfigLoader.Parse(Bgp("")),
            new ConfigError("bgp.localAsn", null, "required: the node's AS number, e.g. 65101"),
            new ConfigError("bgp.routerId", null, "required unless bgp.routerIdInterface names the uplink whose address becomes the router id"));
    }

    [Theory]
    [InlineData("\"flavor\": \"bird\"", "bgp.flavor", "\"bird\"", "must be \"frr\" (FRR 7 or later, integrated frr.conf) or \"quagga\" (per-daemon bgpd.conf)")]
    [InlineData("\"localAsn\": 0", "bgp.localAsn", "0", "must be from 1 to 4294967295")]
    [InlineData("\"localAsn\": 4294967296", "bgp.localAsn", "4294967296", "must be from 1 to 4294967295")]
    [InlineData("\"localAsn\": \"65101\"", "bgp.localAsn", "\"65101\"", "must be an integer (asplain, e.g. 65101 or 4200000001)")]
    [InlineData("\"localAsn\": 1.5", "bgp.localAsn", "1.5", "must be an integer (asplain, e.g. 65101 or 4200000001)")]
    [InlineData("\"routerId\": \"0.0.0.0\"", "bgp.routerId", "\"0.0.0.0\"", "must not be 0.0.0.0")]
    [InlineData("\"routerId\": \"127.0.0.1\"", "bgp.routerId", "\"127.0.0.1\"", "must not be a loopback address (127.0.0.0/8)")]
    [InlineData("\"routerId\": \"224.0.0.5\"", "bgp.routerId", "\"224.0.0.5\"", "must be a unicast address (not multicast, reserved or broadcast)")]
    [InlineData("\"routerId\": \"10.0.0\"", "bgp.routerId", "\"10.0.0\"", "must be an IPv4 address such as 192.168.77.1")]
    [InlineData("\"routerIdInterface\": \"eth0; reboot\"", "bgp.routerIdInterface", "\"eth0; reboot\"", "may contain only letters, digits, '_', '.' and '-'")]
    [InlineData("\"announce\": []", "bgp.announce", "[]", "must list at least one prefix (leave the key out to announce network.podCidr)")]
    [InlineData("\"announce\": \"10.216.0.0/24\"", "bgp.announce", "\"10.216.0.0/24\"", "must be a list of strings")]
    [InlineData("\"announce\": [\"0.0.0.0/0\"]", "bgp.announce[0]", "\"0.0.0.0/0\"", "must not be 0.0.0.0/0: a node must never announce a default route")]
    [InlineData("\"announce\": [\"10.216.0.1/24\"]", "bgp.announce[0]", "\"10.216.0.1/24\"", "host bits must be zero (did you mean 10.216.0.0/24?)")]
    [InlineData("\"announce\": [\"10.216.0.0/24\", \"10.216.0.0/24\"]", "bgp.announce[1]", "\"10.216.0.0/24\"", "duplicate prefix: listed before")]
    [InlineData("\"communities\": [\"65536:1\"]", "bgp.communities[0]", "\"65536:1\"", "must be a standard community AA:NN (each part 0 to 65535), or a well-known name such as no-export")]
    [InlineData("\"communities\": [\"65535:0\"]", "bgp.communities[0]", "\"65535:0\"", "must not be GRACEFUL_SHUTDOWN (65535:0): the agent attaches it while the node is drained (hostagentctl drain)")]
    [InlineData("\"communities\": [\"graceful-shutdown\"]", "bgp.communities[0]", "\"graceful-shutdown\"", "must not be GRACEFUL_SHUTDOWN (65535:0): the agent attaches it while the node is drained (hostagentctl drain)")]
    [InlineData("\"communities\": [\"1:1\", \"1:1\"]", "bgp.communities[1]", "\"1:1\"", "duplicate community: listed before")]
    [InlineData("\"communities\": [\"1:1 additive\"]", "bgp.communities[0]", "\"1:1 additive\"", "must be a standard community AA:NN (each part 0 to 65535), or a well-known name such as no-export")]
    [InlineData("\"gracefulRestartTime\": \"1500ms\"", "bgp.gracefulRestartTime", "\"1500ms\"", "must be whole seconds, such as \"120s\"")]
    [InlineData("\"gracefulRestartTime\": \"2h\"", "bgp.gracefulRestartTime", "\"2h\"", "must be at most 3600s (1h)")]
    [InlineData("\"drainWithdrawDelay\": \"0s\"", "bgp.drainWithdrawDelay", "\"0s\"", "must be a positive duration such as 500ms, 30s or 5m")]
    [InlineData("\"configFile\": \"frr.conf\"", "bgp.configFile", "\"frr.conf\"", "must be an absolute path")]
    [InlineData("\"configFile\": \"/etc/frr/../shadow\"", "bgp.configFile", "\"/etc/frr/../shadow\"", "must not contain . or .. parts")]
    [InlineData("\"vtyshPath\": \"/usr/bin/vtysh\\n-c reboot\"", "bgp.vtyshPath", "\"/usr/bin/vtysh\\n-c reboot\"", "must not contain control characters")]
    [InlineData("\"vtySocketDir\": \"run/frr\"", "bgp.vtySocketDir", "\"run/frr\"", "must be an absolute path")]
    [InlineData("\"serviceUnit\": \"frr\"", "bgp.serviceUnit", "\"frr\"", "must end in a unit type, such as .service or .socket")]
    [InlineData("\"startCommand\": [\"bgpd\", \"-d\"]", "bgp.startCommand[0]", "\"bgpd\"", "must be an absolute path: the program is run without a shell or PATH lookup")]
    [InlineData("\"startCommand\": [\"/usr/lib/frr/bgpd\", \"-d\\n\"]", "bgp.startCommand[1]", "\"-d\\n\"", "must not contain control characters")]
    [InlineData("\"applyMethod\": \"reload\"", "bgp.applyMethod", "\"reload\"", "must be \"diff\" (only the difference, on bgpd's vty socket) or \"frr-reload\" (frr-reload.py --reload)")]
    [InlineData("\"livenessInterval\": \"10ms\"", "bgp.livenessInterval", "\"10ms\"", "must be from 100ms to 1m")]
    [InlineData("\"sessionPollInterval\": \"2h\"", "bgp.sessionPollInterval", "\"2h\"", "must be from 1s to 1h")]
    [InlineData("\"observeonly\": true", "bgp.observeonly", "true", "unknown key (did you mean \"observeOnly\"?)")]
    public void Parse_BadValue_ErrorNamesTheKey(string member, string path, string value, string rule)
    {
        // The required keys, unless the member under test is one of them.
        var required = new[] { "\"localAsn\": 65101", "\"routerId\": \"192.168.77.2\"" }
            .Where(r => !member.StartsWith(r[..r.IndexOf(':', StringComparison.Ordinal)], StringComparison.Ordinal));

        AssertError(ConfigLoader.Parse(Bgp(string.Join(", ", required.Append(member)))), path, value, rule);
    }

    [Theory]
    [InlineData("\"description\": \"tor\\nrouter bgp 1\"", "description", "\"tor\\nrouter bgp 1\"", "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config")]
    [InlineData("\"description\": \"tor\\r\\n neighbor 6.6.6.6 remote-as 666\"", "description", "\"tor\\r\\n neighbor 6.6.6.6 remote-as 666\"", "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config")]
    [InlineData("\"description\": \"tor\\u2028exit\"", "description", "\"tor\\u2028exit\"", "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config")]
    [InlineData("\"description\": \"tor\\u0085exit\"", "description", "\"tor\\u0085exit\"", "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config")]
    [InlineData("\"description\": \"tor\\tb\"", "description", "\"tor\\tb\"", "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config")]
    [InlineData("\"description\": \"tör\"", "description", "\"tör\"", "may contain only printable ASCII characters")]
    [InlineData("\"description\": \" tor\"", "description", "\" tor\"", "must not start or end with a space or hold two spaces in a row (the daemon would store it changed)")]
    [InlineData("\"description\": \"tor  a\"", "description", "\"tor  a\"", "must not start or end with a space or hold two spaces in a row (the daemon would store it changed)")]
    [InlineData("\"description\": \"\"", "description", "\"\"", "must be 1 to 80 characters")]
    [InlineData("\"password\": \"a b\"", "password", "\"a b\"", "must not contain spaces: the daemon reads the password as one word")]
    [InlineData("\"password\": \"pw\\nneighbor 6.6.6.6 remote-as 666\"", "password", "\"pw\\nneighbor 6.6.6.6 remote-as 666\"", "must not contain line breaks, tabs or other control characters: it is written into one line of the daemon's config")]
    [InlineData("\"password\": \"pässword\"", "password", "\"pässword\"", "may contain only printable ASCII characters")]
    [InlineData("\"password\": \"0123456789012345678901234567890123456789012345678901234567890123456789012345678901\"", "password", "\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901\"", "must be 1 to 80 characters (the TCP MD5 key limit)")]
    [InlineData("\"address\": \"192.168.77.300\"", "address", "\"192.168.77.300\"", "must be an IPv4 address such as 192.168.77.1")]
    [InlineData("\"remoteAsn\": 0", "remoteAsn", "0", "must be from 1 to 4294967295")]
    [InlineData("\"bfd\": \"yes\"", "bfd", "\"yes\"", "must be a boolean")]
    [InlineData("\"passwd\": \"x\"", "passwd", "\"x\"", "unknown key")]
    public void Parse_BadNeighborValue_ErrorNamesTheNeighborField(string member, string field, string value, string rule)
    {
        var neighbor = member.StartsWith("\"address\"", StringComparison.Ordinal) ? $"{{ {member}, \"remoteAsn\": 65000 }}"
            : member.StartsWith("\"remoteAsn\"", StringComparison.Ordinal) ? $"{{ \"address\": \"192.168.77.3\", {member} }}"
            : $"{{ \"address\": \"192.168.77.3\", \"remoteAsn\": 65000, {member} }}";

        var result = ConfigLoader.Parse(Bgp($"\"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"neighbors\": [ {Tor}, {neighbor} ]"));

        AssertError(result, $"bgp.neighbors[1].{field}", value, rule);
    }

    [Fact]
    public void Parse_NeighborMissingKeys_BothNamed()
    {
        AssertErrors(ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"neighbors\": [ { \"description\": \"x\" } ]")),
            new ConfigError("bgp.neighbors[0].address", null, "required: the neighbor's IPv4 address"),
            new ConfigError("bgp.neighbors[0].remoteAsn", null, "required: the neighbor's AS number"));
    }

    [Fact]
    public void Parse_DuplicateNeighbor_SecondNamed()
    {
        AssertError(ConfigLoader.Parse(Bgp($"\"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"neighbors\": [ {Tor}, {Tor} ]")),
            "bgp.neighbors[1]", Tor.Replace(" ", "", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal).Replace(":", ": ", StringComparison.Ordinal)
                .Replace("{", "{ ", StringComparison.Ordinal).Replace("}", " }", StringComparison.Ordinal),
            "duplicate neighbor: the same address is listed before");
    }

    [Fact]
    public void Parse_NeighborNotAnObject_Named()
    {
        AssertError(ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"neighbors\": [ \"192.168.77.1\" ]")),
            "bgp.neighbors[0]", "\"192.168.77.1\"", "must be an object");
    }

    [Fact]
    public void Parse_QuaggaWithBfdOrFrrReload_RejectedNamingTheKey()
    {
        var result = ConfigLoader.Parse(Bgp(
            "\"flavor\": \"quagga\", \"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"applyMethod\": \"frr-reload\", \"neighbors\": [ { \"address\": \"192.168.77.1\", \"remoteAsn\": 65000, \"bfd\": true } ]"));

        AssertErrors(result,
            new ConfigError("bgp.applyMethod", "\"frr-reload\"", "requires bgp.flavor \"frr\": frr-reload.py is FRR's tool"),
            new ConfigError("bgp.neighbors[0].bfd", "true", "requires bgp.flavor \"frr\": Quagga has no BFD"));
    }

    [Fact]
    public void Parse_Environment_ListsAsJsonAndScalars()
    {
        var env = Environment(
            ("HOSTAGENT__BGP__LOCALASN", "65102"),
            ("HOSTAGENT__BGP__ROUTERID", "192.168.77.5"),
            ("HOSTAGENT__BGP__NEIGHBORS", "[{\"address\": \"192.168.77.1\", \"remoteAsn\": 65000}]"),
            ("HOSTAGENT__BGP__ANNOUNCE", "[\"10.216.8.0/24\"]"));

        var bgp = AssertValid(ConfigLoader.Parse(Minimal, env)).Bgp!;

        Assert.Equal(65102u, bgp.LocalAsn);
        Assert.Equal([Ipv4Cidr.Parse("10.216.8.0/24")], bgp.Announce);
        Assert.Single(bgp.Neighbors);
    }

    [Fact]
    public void Parse_EnvironmentBadNeighbor_PathNamesVariable()
    {
        var env = Environment(("HOSTAGENT__BGP__NEIGHBORS", "[{\"address\": \"192.168.77.1\", \"remoteAsn\": 65000, \"description\": \"a\\nb\"}]"));

        var result = ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerId\": \"192.168.77.2\""), env);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("HOSTAGENT__BGP__NEIGHBORS", error.Path, StringComparison.Ordinal);
        Assert.EndsWith(".description", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_BgpWithEveryKey_RoundTrips()
    {
        var config = AssertValid(ConfigLoader.Parse(Bgp("""
            "flavor": "frr", "localAsn": 4200000001, "routerIdInterface": "eth0",
            "neighbors": [ { "address": "192.168.77.1", "remoteAsn": 65000, "password": "pw", "description": "t \"q\"" } ],
            "communities": ["no-export", "1:2"], "gracefulRestart": true, "startCommand": ["/usr/lib/frr/bgpd", "-d"]
            """)));

        var json = ConfigLoader.ToJson(config);

        Assert.Equal(config.Bgp, AssertValid(ConfigLoader.Parse(json)).Bgp);
        Assert.Contains("\"communities\": [\n      \"1:2\",\n      \"65535:65281\"\n    ]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedComponents_BgpChanged_NamesBgp()
    {
        var before = AssertValid(ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerId\": \"192.168.77.2\"")));
        var after = AssertValid(ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"communities\": [\"1:1\"]")));

        Assert.Equal(["bgp"], ConfigDiff.ChangedComponents(before, after));
        Assert.Empty(ConfigDiff.ChangedComponents(after, AssertValid(ConfigLoader.Parse(Bgp("\"localAsn\": 65101, \"routerId\": \"192.168.77.2\", \"communities\": [\"1:1\"]")))));
        Assert.Equal(["bgp"], ConfigDiff.RestartRequired(AssertValid(ConfigLoader.Parse(Minimal)), after));
    }

    private static string Bgp(string members) => $"{{\"network\": {{{PodCidr}}}, \"bgp\": {{{members}}}}}";
}
