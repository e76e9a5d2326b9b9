using HostAgent.TestLab;
using HostAgent.TestLab.Daemon;
using Xunit;

namespace HostAgent.SystemTests;

/// <summary>The shipped hostagent binary's command line, as an operator or a unit file uses it.</summary>
public class DaemonBinaryTests
{
    private static string Daemon => AgentBinary.Resolve(AgentBinary.Aot);

    [Fact]
    public void Version_PrintsVersionAndExitsZero()
    {
        var result = Cmd.Run(Daemon, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^hostagent \d+\.\d+\.\d+", result.StdOut);
    }

    [Fact]
    public void Help_DescribesCommandsAndExitsZero()
    {
        var result = Cmd.Run(Daemon, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("check-config", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--config FILE", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownArgument_ExitsTwoNamingIt()
    {
        var result = Cmd.Run(Daemon, "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfig_SampleConfig_Valid()
    {
        var sample = Path.Combine(AgentBinary.RepositoryRoot, "packaging", "hostagent.json");

        var result = Cmd.Run(Daemon, "check-config", "--config", sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("configuration is valid", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfig_BadFile_OneLinePerProblemAndExitOne()
    {
        using var file = new TempFile("""
            { "network": { "podCidr": "10.216.0.5/24", "mtu": 70000, "bridge": "this-name-is-too-long" }, "extra": true }
            """);

        var result = Cmd.Run(Daemon, "check-config", "--config", file.Path);

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("network.podCidr: \"10.216.0.5/24\"", StringComparison.Ordinal) && l.Contains("host bits", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("network.mtu: 70000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("network.bridge: \"this-name-is-too-long\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("extra", StringComparison.Ordinal) && l.Contains("unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckConfig_EnvironmentOverride_Applied()
    {
        var sample = Path.Combine(AgentBinary.RepositoryRoot, "packaging", "hostagent.json");

        var result = Cmd.RunWithEnvironment(Daemon, ["check-config", "--print", "--config", sample], new() { ["HOSTAGENT__NETWORK__MTU"] = "9000" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"mtu\": 9000", result.StdOut, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Run_InvalidConfig_RefusesToStartAndTouchesNothing()
    {
        Lab.RequireRoot();
        using var netns = new TestNetns();
        using var file = new TempFile("""{ "network": { "podCidr": "10.216.0.0/24", "mtu": 10 } }""");

        var result = netns.TryExec(Daemon, "--config", file.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("network.mtu: 10", result.StdErr, StringComparison.Ordinal);
        Assert.False(KernelView.Of(netns, "cbr0").Exists);
    }
}
