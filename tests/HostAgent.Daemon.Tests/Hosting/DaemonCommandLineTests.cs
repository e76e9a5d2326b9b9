using HostAgent.Core.Configuration;
using HostAgent.Daemon.Hosting;
using Xunit;

namespace HostAgent.Daemon.Tests.Hosting;

public sealed class DaemonCommandLineTests
{
    public static TheoryData<string[], DaemonCommand, string, bool> Valid => new()
    {
        { [], DaemonCommand.Run, ConfigLoader.DefaultPath, false },
        { ["run"], DaemonCommand.Run, ConfigLoader.DefaultPath, false },
        { ["run", "--config", "/etc/a.json"], DaemonCommand.Run, "/etc/a.json", false },
        { ["-c", "b.json"], DaemonCommand.Run, "b.json", false },
        { ["check-config"], DaemonCommand.CheckConfig, ConfigLoader.DefaultPath, false },
        { ["--config", "/etc/a.json", "check-config", "--print"], DaemonCommand.CheckConfig, "/etc/a.json", true },
        { ["--help"], DaemonCommand.Help, ConfigLoader.DefaultPath, false },
        { ["-h"], DaemonCommand.Help, ConfigLoader.DefaultPath, false },
        { ["check-config", "--help"], DaemonCommand.Help, ConfigLoader.DefaultPath, false },
        { ["--version"], DaemonCommand.Version, ConfigLoader.DefaultPath, false },
    };

    public static TheoryData<string[], string> Invalid => new()
    {
        { ["--config"], "--config needs a file name" },
        { ["--config", ""], "--config needs a file name" },
        { ["--verbose"], "unknown argument \"--verbose\" (see hostagent --help)" },
        { ["start"], "unknown argument \"start\" (see hostagent --help)" },
        { ["run", "check-config"], "unknown argument \"check-config\" (see hostagent --help)" },
        { ["run", "run"], "unknown argument \"run\" (see hostagent --help)" },
        { ["--print"], "--print is an option of check-config" },
        { ["run", "--print"], "--print is an option of check-config" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidArguments_Parsed(string[] args, DaemonCommand command, string configPath, bool print)
    {
        var ok = DaemonCommandLine.TryParse(args, out var commandLine, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        Assert.Equal(new DaemonCommandLine(command, configPath, print), commandLine);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidArguments_Error(string[] args, string expected)
    {
        var ok = DaemonCommandLine.TryParse(args, out var commandLine, out var error);

        Assert.False(ok);
        Assert.Null(commandLine);
        Assert.Equal(expected, error);
    }
}
