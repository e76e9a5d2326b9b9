using Google.Protobuf.WellKnownTypes;
using HostAgent.Cli;
using HostAgent.Contracts.V1;
using HostAgent.Daemon.Tests.Support;
using Xunit;

namespace HostAgent.Daemon.Tests.Cli;

[Collection(EnvironmentCollection.Name)]
public sealed class BgpCliTests
{
    [Theory]
    [InlineData(new[] { "bgp" }, "bgp", "")]
    [InlineData(new[] { "bgp", "192.168.77.1" }, "bgp", "")]
    [InlineData(new[] { "drain" }, "drain", "")]
    [InlineData(new[] { "drain", "--withdraw-delay", "30s" }, "drain", "30s")]
    [InlineData(new[] { "--withdraw-delay", "5m", "drain" }, "drain", "5m")]
    [InlineData(new[] { "undrain" }, "undrain", "")]
    public void TryParse_BgpCommands_Parsed(string[] args, string command, string delay)
    {
        Assert.True(CliOptions.TryParse(args, out var options, out var error), error);
        Assert.Equal(command, options!.Command);
        Assert.Equal(delay, options.WithdrawDelay);
    }

    [Theory]
    [InlineData(new[] { "drain", "now" }, "drain takes no arguments")]
    [InlineData(new[] { "undrain", "x" }, "undrain takes no arguments")]
    [InlineData(new[] { "status", "--withdraw-delay", "5s" }, "--withdraw-delay is an option of drain")]
    [InlineData(new[] { "drain", "--withdraw-delay" }, "--withdraw-delay needs a duration, such as 30s")]
    public void TryParse_BadBgpArguments_Error(string[] args, string expected)
    {
        Assert.False(CliOptions.TryParse(args, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Usage_MentionsEveryBgpCommand()
    {
        Assert.Contains("bgp [NEIGHBOR...]", CliOptions.Usage, StringComparison.Ordinal);
        Assert.Contains("drain [--withdraw-delay DURATION]", CliOptions.Usage, StringComparison.Ordinal);
        Assert.Contains("undrain", CliOptions.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_Status_TableWithDriftAndDrain()
    {
        var status = new GetBgpStatusResponse
        {
            Flavor = "frr",
            LocalAsn = 65101,
            RouterId = "192.168.77.2",
            DaemonRunning = true,
            Daemon = "running (pid 42)",
            ConfigAccepted = true,
            Prefixes = { "10.216.0.0/24" },
            Announceable = { "10.216.0.0/24" },
            Drain = new BgpDrainStatus { Drained = true, Phase = "shutdown", Since = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch), WithdrawAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddSeconds(60)) },
            Neighbors =
            {
                new BgpNeighborStatus { Address = "192.168.77.1", RemoteAsn = 65000, State = "Established", Established = true, StateSeconds = 3725, PrefixesSent = 0, Missing = { "10.216.0.0/24" }, Judged = true, Description = "tor" },
            },
        };
        var output = new StringWriter();

        BgpPrinter.Print(status, output);

        var text = output.ToString();
        Assert.Contains("bgp (frr): AS65101, router id 192.168.77.2, bgpd running (pid 42)", text, StringComparison.Ordinal);
        Assert.Contains("drained since 1970-01-01T00:00:00.000Z, announcing with GRACEFUL_SHUTDOWN, withdraw at 1970-01-01T00:01:00.000Z", text, StringComparison.Ordinal);
        Assert.Contains("192.168.77.1     65000       Established  01:02:05", text, StringComparison.Ordinal);
        Assert.Contains("MISSING 10.216.0.0/24", text, StringComparison.Ordinal);
        Assert.False(BgpCommands.Healthy(status));
    }
}
