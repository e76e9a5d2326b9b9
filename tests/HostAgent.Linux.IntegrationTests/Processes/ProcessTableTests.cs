using System.Diagnostics;
using System.Runtime.Versioning;
using HostAgent.Linux.Processes;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Processes;

/// <summary>/proc and pid files as the process managers and the bgpd probe read them.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessTableTests
{
    [Fact]
    public void Describe_OwnProcess_NameAndRunningState()
    {
        var self = ProcessTable.Describe(Environment.ProcessId);

        Assert.NotNull(self);
        Assert.Equal(Environment.ProcessId, self.Pid);
        Assert.Equal(File.ReadAllText("/proc/self/comm").Trim(), self.Name);
        Assert.Contains(self.State, "RS");
    }

    [Fact]
    public void Live_NameMustMatchAndProcessMustNotBeAZombie()
    {
        var name = File.ReadAllText("/proc/self/comm").Trim();
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            Assert.NotNull(ProcessTable.Live(Environment.ProcessId, name));
            Assert.Null(ProcessTable.Live(Environment.ProcessId, "bgpd"));
            Assert.NotNull(ProcessTable.Live(child.Id, "sleep"));

            // Killed: a zombie not yet reaped, or gone; either way not a live daemon.
            Assert.Equal(0, Kill(child.Id));
            Assert.True(Lab.WaitUntil(() => ProcessTable.Describe(child.Id) is not { State: 'S' or 'R' }, TimeSpan.FromSeconds(5)));
            Assert.Null(ProcessTable.Live(child.Id, "sleep"));
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
    }

    [Theory]
    [InlineData("1234\n", 1234)]
    [InlineData("  77  ", 77)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("12ab", null)]
    [InlineData("", null)]
    public void ReadPidFile_Contents_PidOrNull(string text, int? expected)
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "daemon.pid");
        File.WriteAllText(path, text);

        Assert.Equal(expected, ProcessTable.ReadPidFile(path));
    }

    [Fact]
    public void ReadPidFile_Missing_Null()
    {
        using var directory = new TempDirectory();

        Assert.Null(ProcessTable.ReadPidFile(Path.Combine(directory.Path, "nothing.pid")));
        Assert.Null(ProcessTable.ReadPidFile(Path.Combine(directory.Path, "no-dir", "nothing.pid")));
    }

    private static int Kill(int pid) => Cmd.Run("kill", "-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode;
}
