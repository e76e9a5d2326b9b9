using HostAgent.Daemon.Tests.Support;
using HostAgent.Linux.Interop;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace HostAgent.Daemon.Tests.Api;

public sealed class ApplyFailureTests
{
    [Fact]
    public async Task Start_AddAddressFails_ReportsErrorThenRecoversOnRetry()
    {
        // The test's clock, so the failed state can be inspected before the retry is let through.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await AgentHost.StartAsync(new AgentHostOptions
        {
            Config = TestConfig.Json(agent: "\"retryMinDelay\": \"50ms\""),
            Seed = (kernel, _) => kernel.FailNext("AddAddress", Errno.EACCES),
            Time = time,
        });
        await host.WaitForFirstRunAsync();

        var failed = await host.NetworkStatusAsync();

        Assert.False(failed.InSync);
        Assert.Contains("add address", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.Failures >= 1);
        Assert.Empty(host.Kernel.GetAddresses(host.BridgeIndex));

        var recovered = await host.NetworkStatusUntilAsync(
            s =>
            {
                // The loop may not have armed its retry timer yet; keep moving the clock until it fires.
                time.Advance(TimeSpan.FromMilliseconds(50));
                return s.InSync;
            },
            "in sync after the retry");

        Assert.Equal("", recovered.LastError);
        Assert.True(recovered.Failures >= 1);
        Assert.True(recovered.Runs >= 2);
        Assert.Equal([TestConfig.Gateway], host.Kernel.GetAddresses(host.BridgeIndex));
    }
}
