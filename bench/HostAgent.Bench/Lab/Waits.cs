namespace HostAgent.Bench.Lab;

internal static class Waits
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(60);

    /// <summary>Awaits <paramref name="task"/>, failing fast with the process's output if the process dies meanwhile.</summary>
    public static async Task<T> ForAsync<T>(Task<T> task, NodeProcess process, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            process.ThrowIfExited();
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{process.Label}: no {what} within {timeout.TotalSeconds} s; output:\n    {process.Output()}");
            }
            await Task.WhenAny(task, Task.Delay(Poll, cancellationToken)).ConfigureAwait(false);
        }
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Polls <paramref name="probe"/> every millisecond; returns the Stopwatch timestamp of the first success.
    /// Gives up after a minute, so a poller whose caller has already failed does not go on for the rest of the run.
    /// </summary>
    public static async Task<long> UntilAsync(Func<Task<bool>> probe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + PollLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe().ConfigureAwait(false))
            {
                return System.Diagnostics.Stopwatch.GetTimestamp();
            }
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"still not ready after {PollLimit.TotalSeconds} s");
    }
}
