using HostAgent.Core.Configuration;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Syslog;

public class SyslogConfigTests
{
    private static string Syslog(string members) => $"{{\"network\": {{{PodCidr}}}, \"syslog\": {{{members}}}}}";

    [Fact]
    public void Parse_NoSyslogSection_ComponentOff()
    {
        Assert.Null(AssertValid(ConfigLoader.Parse(Minimal)).Syslog);
    }

    [Fact]
    public void Parse_EmptySyslogSection_EveryDefault()
    {
        var syslog = AssertValid(ConfigLoader.Parse(Syslog(""))).Syslog;

        Assert.Equal(new SyslogSettings(), syslog);
        Assert.Equal("/run/hostagent/syslog/log", syslog!.SocketPath);
        Assert.Equal("/etc/rsyslog.d/10-hostagent.conf", syslog.DropInPath);
        Assert.Equal(Convert.ToInt32("755", 8), syslog.Mode);
        Assert.Equal(Convert.ToInt32("666", 8), syslog.SocketMode);
        Assert.True(syslog.HoldSocket);
        Assert.Empty(syslog.Servers);
    }

    [Fact]
    public void Parse_EverySyslogKey_Bound()
    {
        const string json = """
            "directory": "/run/logs", "socketName": "dev-log", "owner": "syslog", "group": "1001", "mode": "0750", "socketMode": "660",
            "holdSocket": false, "rateLimitInterval": 5, "rateLimitBurst": 1000,
            "servers": [
              { "address": "logs1.example.net" },
              { "address": "192.0.2.10", "port": 10514, "transport": "tcp" },
              { "address": "2001:db8::1", "transport": "relp", "tlsCaFile": "/etc/pki/ca.pem", "tlsCertFile": "/etc/pki/node.pem", "tlsKeyFile": "/etc/pki/node.key" }
            ],
            "spoolDirectory": "/var/spool/fwd", "maxDiskSpace": "512m", "mainConfig": "/etc/rsyslog-main.conf", "dropInDirectory": "/etc/rs.d",
            "stateDirectory": "/var/lib/ha", "statsInterval": "5s", "canaryInterval": "1m", "restartMinInterval": "10s",
            "serviceUnit": "syslog.service", "startCommand": ["/usr/sbin/rsyslogd", "-n"], "pidFile": "/run/rs.pid",
            "agentLogs": false, "observeOnly": true
            """;

        var syslog = AssertValid(ConfigLoader.Parse(Syslog(json))).Syslog!;

        Assert.Equal("/run/logs/dev-log", syslog.SocketPath);
        Assert.Equal(("syslog", "1001"), (syslog.Owner, syslog.Group));
        Assert.Equal((Convert.ToInt32("750", 8), Convert.ToInt32("660", 8)), (syslog.Mode, syslog.SocketMode));
        Assert.False(syslog.HoldSocket);
        Assert.Equal((5, 1000), (syslog.RateLimitInterval, syslog.RateLimitBurst));
        Assert.Equal(
            [
                new SyslogServerSettings("logs1.example.net"),
                new SyslogServerSettings("192.0.2.10", 10514, SyslogTransport.Tcp),
                new SyslogServerSettings("2001:db8::1", null, SyslogTransport.Relp, "/etc/pki/ca.pem", "/etc/pki/node.pem", "/etc/pki/node.key"),
            ],
            syslog.Servers);
        Assert.Equal("/etc/rs.d/10-hostagent.conf", syslog.DropInPath);
        Assert.Equal("/var/lib/ha/rsyslog-stats.json", syslog.StatsFile);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10)), (syslog.StatsInterval, syslog.CanaryInterval, syslog.RestartMinInterval));
        Assert.Equal(["/usr/sbin/rsyslogd", "-n"], syslog.StartCommand);
        Assert.False(syslog.AgentLogs);
        Assert.True(syslog.ObserveOnly);
    }

    [Theory]
    [InlineData("directory", "\"run/x\"", "must be an absolute path")]
    [InlineData("directory", "\"/run/a b\"", "may contain only letters, digits and . _ - / + @ , (no spaces or quotes: the path is written into rsyslog and systemd files)")]
    [InlineData("directory", "\"/run/x\\\" action(type=\\\"omfile\\\")\"", "may contain only letters, digits and . _ - / + @ , (no spaces or quotes: the path is written into rsyslog and systemd files)")]
    [InlineData("directory", "\"/run/../etc\"", "must not contain . or .. parts")]
    [InlineData("socketName", "\"a/b\"", "may contain only letters, digits, '.', '_' and '-'")]
    [InlineData("socketName", "\"..\"", "must not be \".\" or \"..\"")]
    [InlineData("owner", "\"9root\"", "a name must start with a letter or '_'")]
    [InlineData("group", "\"4294967295\"", "a numeric id must be from 0 to 4294967294")]
    [InlineData("mode", "\"1777\"", "must be at most 0777 (permission bits only; no setuid, setgid or sticky bit)")]
    [InlineData("mode", "755", "must be a string of octal digits such as \"0755\"")]
    [InlineData("rateLimitBurst", "0", "must be from 1 to 1000000")]
    [InlineData("rateLimitInterval", "3601", "must be from 0 to 3600")]
    [InlineData("maxDiskSpace", "\"1t\"", "must be a whole number of bytes, optionally followed by k, m or g, such as \"1g\" or \"512m\"")]
    [InlineData("maxDiskSpace", "\"1g\\\" queue.type=\\\"Direct\"", "must be a whole number of bytes, optionally followed by k, m or g, such as \"1g\" or \"512m\"")]
    [InlineData("statsInterval", "\"1500ms\"", "must be whole seconds, such as \"10s\"")]
    [InlineData("serviceUnit", "\"rsyslog\"", "must end in a unit type, such as .service or .socket")]
    [InlineData("servers", "{}", "must be a list of servers, such as [{ \"address\": \"logs.example.net\" }]")]
    public void Parse_BadSyslogValue_ReportsRule(string key, string json, string rule)
    {
        AssertError(ConfigLoader.Parse(Syslog($"\"{key}\": {json}")), $"syslog.{key}", json, rule);
    }

    [Theory]
    [InlineData("""{ "address": "logs\" port=\"1" }""", "syslog.servers[0].address", "\"logs\\\" port=\\\"1\"", "must be a host name (letters, digits and '-' in dot-separated labels), an IPv4 address or an IPv6 address")]
    [InlineData("""{ "address": "10.0.0.300" }""", "syslog.servers[0].address", "\"10.0.0.300\"", "must be a valid IPv4 address such as 192.0.2.10")]
    [InlineData("""{ "address": "[::1]" }""", "syslog.servers[0].address", "\"[::1]\"", "must be a host name, an IPv4 address or an IPv6 address (without brackets)")]
    [InlineData("""{ "address": "a", "port": 0 }""", "syslog.servers[0].port", "0", "must be from 1 to 65535")]
    [InlineData("""{ "address": "a", "transport": "udp" }""", "syslog.servers[0].transport", "\"udp\"", "must be \"auto\" (RELP when rsyslog has it, else TCP), \"relp\" or \"tcp\"")]
    [InlineData("""{ "address": "a", "tlsCaFile": "/ca", "transport": "tcp" }""", "syslog.servers[0].transport", "\"tcp\"", "TLS is offered over RELP only: use \"relp\" or \"auto\" with tlsCaFile")]
    [InlineData("""{ "address": "a", "tlsCaFile": "/ca", "tlsCertFile": "/c" }""", "syslog.servers[0].tlsCertFile", "\"/c\"", "tlsCertFile and tlsKeyFile go together: give both or neither")]
    [InlineData("""{ "address": "a", "tlsCertFile": "/c", "tlsKeyFile": "/k" }""", "syslog.servers[0].tlsCertFile", "\"/c\"", "needs tlsCaFile: TLS is turned on by the CA that checks the server")]
    [InlineData("""{ "address": "a", "Port": 1 }""", "syslog.servers[0].Port", "1", "unknown key (did you mean \"port\"?)")]
    [InlineData("\"logs.example.net\"", "syslog.servers[0]", "\"logs.example.net\"", "must be an object")]
    public void Parse_BadServer_ReportsItemPath(string server, string path, string value, string rule)
    {
        AssertError(ConfigLoader.Parse(Syslog($"\"servers\": [{server}]")), path, value, rule);
    }

    [Fact]
    public void Parse_ServerWithoutAddress_ReportsRequired()
    {
        AssertError(ConfigLoader.Parse(Syslog("\"servers\": [{ \"port\": 514 }]")), "syslog.servers[0].address", null, "required: the server's host name or address");
    }

    [Fact]
    public void Parse_DuplicateServer_Reported()
    {
        AssertError(
            ConfigLoader.Parse(Syslog("\"servers\": [{ \"address\": \"a\" }, { \"address\": \"a\" }]")),
            "syslog.servers[1]", "{ \"address\": \"a\" }", "duplicate server: the same address and port are listed before");
    }

    [Fact]
    public void Parse_SocketPathTooLong_ReportedAtSocketName()
    {
        var directory = "/run/" + new string('d', 95);
        var result = ConfigLoader.Parse(Syslog($"\"directory\": \"{directory}\", \"socketName\": \"socket-name\""));

        AssertError(result, "syslog.socketName", "\"socket-name\"",
            $"the socket path {directory}/socket-name must be at most 107 bytes (the Unix socket path limit)");
    }

    [Fact]
    public void Parse_StartCommandWithoutPidFile_Reported()
    {
        AssertError(
            ConfigLoader.Parse(Syslog("\"startCommand\": [\"rsyslogd\", \"-n\"]")),
            "syslog.startCommand", "[\"rsyslogd\", \"-n\"]", "needs pidFile (the -i of the command), so a restarted agent finds the rsyslogd it started");
    }

    [Fact]
    public void Parse_ServersFromEnvironment_JsonList()
    {
        var env = Environment(("HOSTAGENT__SYSLOG__SERVERS", """[{"address": "10.1.2.3", "transport": "tcp"}]"""));

        var syslog = AssertValid(ConfigLoader.Parse(Minimal, env)).Syslog;

        Assert.Equal([new SyslogServerSettings("10.1.2.3", null, SyslogTransport.Tcp)], syslog!.Servers);
    }

    [Fact]
    public void ToJson_SyslogSection_RoundTrips()
    {
        const string json = """
            "owner": "syslog", "mode": "0750", "servers": [{ "address": "a.example", "port": 2514, "transport": "relp", "tlsCaFile": "/ca.pem" }, { "address": "b.example" }],
            "startCommand": ["rsyslogd", "-n", "-f", "/tmp/x y.conf"], "pidFile": "/run/x.pid", "statsInterval": "5s"
            """;
        var config = AssertValid(ConfigLoader.Parse(Syslog(json)));

        var text = ConfigLoader.ToJson(config);

        Assert.Equal(config.Syslog, AssertValid(ConfigLoader.Parse(text)).Syslog);
        Assert.Contains("\"mode\": \"0750\"", text, StringComparison.Ordinal);
        Assert.Contains("\"transport\": \"auto\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedComponents_SyslogServerAdded_NamesSyslog()
    {
        var before = AssertValid(ConfigLoader.Parse(Syslog("")));
        var after = AssertValid(ConfigLoader.Parse(Syslog("\"servers\": [{ \"address\": \"a\" }]")));

        Assert.Equal(["syslog"], ConfigDiff.ChangedComponents(before, after));
        Assert.Empty(ConfigDiff.RestartRequired(before, after));
    }

    [Fact]
    public void RestartRequired_SyslogSectionAdded_NamesSyslog()
    {
        var before = AssertValid(ConfigLoader.Parse(Minimal));
        var after = AssertValid(ConfigLoader.Parse(Syslog("")));

        Assert.Contains("syslog", ConfigDiff.RestartRequired(before, after));
    }
}
