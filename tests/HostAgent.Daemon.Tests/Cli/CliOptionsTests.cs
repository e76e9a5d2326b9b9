using HostAgent.Cli;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Cli;

[Collection(EnvironmentCollection.Name)]
public sealed class CliOptionsTests
{
    private const string SocketVariable = "HOSTAGENT_SOCKET";

    public static TheoryData<string[], string, string[], string, bool> Valid => new()
    {
        { ["status"], "status", [], CliOptions.DefaultSocket, false },
        { ["plan", "network"], "plan", ["network"], CliOptions.DefaultSocket, false },
        { ["--json", "reconcile"], "reconcile", [], CliOptions.DefaultSocket, true },
        { ["status", "--json", "network"], "status", ["network"], CliOptions.DefaultSocket, true },
        { ["--socket", "/tmp/agent.sock", "watch", "network"], "watch", ["network"], "/tmp/agent.sock", false },
        { ["reload", "--socket", "/tmp/agent.sock"], "reload", [], "/tmp/agent.sock", false },
        { ["--help"], "help", [], CliOptions.DefaultSocket, false },
        { ["-h"], "help", [], CliOptions.DefaultSocket, false },
    };

    public static TheoryData<string[], string> Invalid => new()
    {
        { [], "a command is needed: status, plan, reconcile, reload, watch, unit, bgp, drain, undrain" },
        { ["--json"], "a command is needed: status, plan, reconcile, reload, watch, unit, bgp, drain, undrain" },
        { ["--socket"], "--socket needs a path" },
        { ["status", "--socket", ""], "--socket needs a path" },
        { ["--verbose", "status"], "unknown option \"--verbose\"" },
        { ["status", "-x"], "unknown option \"-x\"" },
        { ["apply"], "unknown command \"apply\"; commands: status, plan, reconcile, reload, watch, unit, bgp, drain, undrain" },
        { ["reload", "network"], "reload takes no component names" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidArguments_Parsed(string[] args, string command, string[] components, string socket, bool json)
    {
        // Without the variable, so the built-in default socket is what the table expects.
        using var variable = new EnvironmentVariableScope(SocketVariable, null);

        var options = Parse(args);

        Assert.Equal(command, options.Command);
        Assert.Equal(components, options.Components);
        Assert.Equal(socket, options.Socket);
        Assert.Equal(json, options.Json);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidArguments_Error(string[] args, string expected)
    {
        var ok = CliOptions.TryParse(args, out var options, out var error);

        Assert.False(ok);
        Assert.Null(options);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_SocketVariableSet_UsedAsDefault()
    {
        using var variable = new EnvironmentVariableScope(SocketVariable, "/run/other/agent.sock");

        Assert.Equal("/run/other/agent.sock", Parse(["status"]).Socket);
    }

    [Fact]
    public void TryParse_SocketVariableAndOption_OptionWins()
    {
        using var variable = new EnvironmentVariableScope(SocketVariable, "/run/other/agent.sock");

        Assert.Equal("/tmp/agent.sock", Parse(["--socket", "/tmp/agent.sock", "status"]).Socket);
    }

    [Fact]
    public void TryParse_SocketVariableEmpty_BuiltInDefault()
    {
        using var variable = new EnvironmentVariableScope(SocketVariable, "");

        Assert.Equal(CliOptions.DefaultSocket, Parse(["status"]).Socket);
    }

    private static CliOptions Parse(string[] args)
    {
        var ok = CliOptions.TryParse(args, out var options, out var error);
        Assert.True(ok, error);
        Assert.Null(error);
        return options!;
    }
}
