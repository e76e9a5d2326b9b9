namespace HostAgent.Daemon.Tests.Support;

/// <summary>Polling for what the background loop does, with a deadline far above any expected latency.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Probes until <paramref name="done"/> holds and returns that value; fails with the last value seen.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {Timeout.TotalSeconds} s: {what}; last seen: {value}");
            }
            await Task.Delay(Interval);
        }
    }

    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> done, string what) =>
        Until(() => Task.FromResult(probe()), done, what);
}
