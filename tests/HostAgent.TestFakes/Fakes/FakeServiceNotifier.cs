using HostAgent.Core.Units;

namespace HostAgent.TestFakes;

/// <summary>Records what the agent tells systemd; can pretend a watchdog is on.</summary>
public sealed class FakeServiceNotifier : IServiceNotifier
{
    private readonly Lock _lock = new();
    private readonly List<string> _messages = [];

    public FakeServiceNotifier(TimeSpan? watchdogTimeout = null)
    {
        WatchdogTimeout = watchdogTimeout;
    }

    public TimeSpan? WatchdogTimeout { get; }

    /// <summary>Every datagram in order, e.g. "READY=1\nSTATUS=1/1 in sync".</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>The STATUS= texts sent so far, in order.</summary>
    public IReadOnlyList<string> Statuses => [.. Messages.SelectMany(m => m.Split('\n')).Where(l => l.StartsWith("STATUS=", StringComparison.Ordinal)).Select(l => l["STATUS=".Length..])];

    public int Count(string assignment) => Messages.Count(m => m.Split('\n').Contains(assignment));

    public bool Notify(string state)
    {
        lock (_lock)
        {
            _messages.Add(state);
        }
        return true;
    }
}
