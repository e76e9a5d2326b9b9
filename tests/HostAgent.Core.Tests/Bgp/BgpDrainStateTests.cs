using HostAgent.Core.Bgp;
using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class BgpDrainStateTests
{
    private static readonly DateTimeOffset Since = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Configured = TimeSpan.FromSeconds(60);

    [Fact]
    public void PhaseAt_NotDrained_Active() => Assert.Equal(DrainPhase.Active, BgpDrainState.NotDrained.PhaseAt(Since, Configured));

    [Fact]
    public void PhaseAt_BeforeDelay_ShutdownAfterwardsWithdrawn()
    {
        var state = new BgpDrainState(true, Since, null);

        Assert.Equal(DrainPhase.Shutdown, state.PhaseAt(Since + TimeSpan.FromSeconds(59), Configured));
        Assert.Equal(DrainPhase.Withdrawn, state.PhaseAt(Since + TimeSpan.FromSeconds(60), Configured));
        Assert.Equal(Since + Configured, state.WithdrawAt(Configured));
    }

    [Fact]
    public void WithdrawAt_OwnDelay_WinsOverConfigured()
    {
        var state = new BgpDrainState(true, Since, TimeSpan.FromSeconds(5));

        Assert.Equal(Since + TimeSpan.FromSeconds(5), state.WithdrawAt(Configured));
        Assert.Null(BgpDrainState.NotDrained.WithdrawAt(Configured));
    }
}
