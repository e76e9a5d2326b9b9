namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>
/// Waits for a condition without blocking a thread: D-Bus connections made on a test's thread deliver
/// on xUnit's synchronization context, which a blocking wait would starve.
/// </summary>
internal static class Poll
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }
}
