namespace HostAgent.Core.Units;

/// <summary>The notifier when no service manager listens (no $NOTIFY_SOCKET): a terminal, a test.</summary>
public sealed class NullServiceNotifier : IServiceNotifier
{
    public static NullServiceNotifier Instance { get; } = new();

    public TimeSpan? WatchdogTimeout => null;

    public bool Notify(string state) => false;
}
