using HostAgent.Core.Configuration;

namespace HostAgent.Core.Reconcile;

/// <summary>How often a component runs without events, and how it backs off after failures.</summary>
public sealed record ReconcileTiming(TimeSpan ResyncInterval, TimeSpan RetryMinDelay, TimeSpan RetryMaxDelay)
{
    public static ReconcileTiming From(AgentSettings agent) =>
        new(agent.ResyncInterval, agent.RetryMinDelay, agent.RetryMaxDelay);

    /// <summary>Delay before the retry that follows the given number of consecutive failures (1 or more).</summary>
    public TimeSpan RetryDelay(int consecutiveFailures)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var ticks = RetryMinDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= RetryMaxDelay.Ticks ? RetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
