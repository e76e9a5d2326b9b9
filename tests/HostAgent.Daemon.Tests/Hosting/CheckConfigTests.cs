using System.Text.Json;
using HostAgent.Daemon.Hosting;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Hosting;

public sealed class CheckConfigTests
{
    [Fact]
    public void Run_ValidFile_ExitZeroAndSaysValid()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("hostagent.json", TestConfig.Json());
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = CheckConfig.Run(new DaemonCommandLine(DaemonCommand.CheckConfig, path, false), output, errors);

        Assert.Equal(0, exit);
        Assert.Equal($"{path}: configuration is valid{Environment.NewLine}", output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public void Run_ValidFileWithPrint_PrintsEffectiveJson()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("hostagent.json", TestConfig.Json());
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = CheckConfig.Run(new DaemonCommandLine(DaemonCommand.CheckConfig, path, true), output, errors);

        Assert.Equal(0, exit);
        var text = output.ToString();
        var json = text[..text.LastIndexOf($"{path}: configuration is valid", StringComparison.Ordinal)];
        using var document = JsonDocument.Parse(json);
        var network = document.RootElement.GetProperty("network");
        Assert.Equal(TestConfig.Bridge, network.GetProperty("bridge").GetString());
        Assert.Equal("10.216.0.1", network.GetProperty("gateway").GetString());
        Assert.Equal(1500, network.GetProperty("mtu").GetInt32());
    }

    [Fact]
    public void Run_InvalidFile_ExitOneWithOneLinePerProblem()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("hostagent.json", TestConfig.Json(network: "\"mtu\": 70000, \"bogusKey\": 1"));
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = CheckConfig.Run(new DaemonCommandLine(DaemonCommand.CheckConfig, path, false), output, errors);

        Assert.Equal(1, exit);
        Assert.Equal("", output.ToString());
        var lines = errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{path}: network.mtu: 70000: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{path}: network.bogusKey: 1: unknown key", lines[1], StringComparison.Ordinal);
        Assert.Equal($"{path}: 2 problem(s), configuration test failed", lines[2]);
    }

    [Fact]
    public void Run_MissingFile_ExitOneSayingWhy()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "absent.json");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = CheckConfig.Run(new DaemonCommandLine(DaemonCommand.CheckConfig, path, false), output, errors);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}: $: cannot read {path}", errors.ToString(), StringComparison.Ordinal);
    }
}
