namespace HostAgent.Bench.Lab;

internal static class Waits
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

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

    public static Task ForAsync(Task task, NodeProcess process, TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        ForAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), process, timeout, what, cancellationToken);

    /// <summary>Polls <paramref name="probe"/> every millisecond; returns the Stopwatch timestamp of the first success.</summary>
    public static async Task<long> UntilAsync(Func<Task<bool>> probe, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await probe().ConfigureAwait(false))
            {
                return System.Diagnostics.Stopwatch.GetTimestamp();
            }
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }
}
