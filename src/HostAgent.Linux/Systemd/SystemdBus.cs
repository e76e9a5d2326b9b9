using System.Collections.Concurrent;
using Tmds.DBus.Protocol;

namespace HostAgent.Linux.Systemd;

/// <summary>
/// A client for systemd's manager on a D-Bus connection: unit jobs (start, restart, reload-or-restart)
/// waited for through the JobRemoved signal, unit state, and unit state changes through PropertiesChanged.
/// </summary>
public sealed partial class SystemdBus : IDisposable
{
    public const string Service = "org.freedesktop.systemd1";
    public const string ManagerPath = "/org/freedesktop/systemd1";
    public const string ManagerInterface = "org.freedesktop.systemd1.Manager";
    public const string UnitInterface = "org.freedesktop.systemd1.Unit";
    public const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    private readonly DBusConnection _connection;
    private readonly List<IDisposable> _watches = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _jobs = new(StringComparer.Ordinal);
    private int _disposed;

    private SystemdBus(DBusConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Completes when the connection to the bus is gone: with the reason when it was lost, null when disposed.</summary>
    public Task<Exception?> Disconnected { get; private set; } = null!;

    /// <summary>
    /// Connects, listens for finished jobs and subscribes to systemd's signals (systemd sends unit
    /// PropertiesChanged and JobRemoved only while some client is subscribed).
    /// </summary>
    public static async Task<SystemdBus> ConnectAsync(string address, CancellationToken cancellationToken)
    {
        var connection = new DBusConnection(address);
        try
        {
            // Connected from the thread pool, so the receive loop never runs on (and waits for) the caller's synchronization context.
            await Task.Run(() => connection.ConnectAsync().AsTask(), cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            var bus = new SystemdBus(connection);
            bus.Disconnected = connection.DisconnectedAsync();
            await bus.WatchJobsAsync().ConfigureAwait(false);
            await bus.CallManagerAsync("Subscribe", cancellationToken).ConfigureAwait(false);
            return bus;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        lock (_watches)
        {
            foreach (var watch in _watches)
            {
                watch.Dispose();
            }
            _watches.Clear();
        }
        _connection.Dispose();
        foreach (var job in _jobs.Values)
        {
            job.TrySetException(new ObjectDisposedException(nameof(SystemdBus)));
        }
    }

    private Task CallManagerAsync(string member, CancellationToken cancellationToken)
    {
        return _connection.CallMethodAsync(CreateMessage()).WaitAsync(cancellationToken);

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: Service, path: ManagerPath, @interface: ManagerInterface, member: member);
            return writer.CreateMessage();
        }
    }

    private void Keep(IDisposable watch)
    {
        lock (_watches)
        {
            _watches.Add(watch);
        }
    }
}
