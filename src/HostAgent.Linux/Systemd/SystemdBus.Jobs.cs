using HostAgent.Core.Units;
using Tmds.DBus.Protocol;

namespace HostAgent.Linux.Systemd;

/// <summary>Unit jobs: ask the manager, then wait for the job's JobRemoved signal.</summary>
public sealed partial class SystemdBus
{
    /// <summary>Jobs that finished before their caller had their path; systemd reports every job on the machine, so this is bounded.</summary>
    private const int MaxEarlyResults = 256;

    private readonly Lock _jobsLock = new();
    private readonly Dictionary<string, string> _earlyResults = new(StringComparer.Ordinal);
    private readonly Queue<string> _earlyOrder = new();

    /// <summary>
    /// Calls a job method of the manager (StartUnit, RestartUnit, ReloadOrRestartUnit) in "replace" mode and
    /// waits for the job to finish.
    /// </summary>
    /// <returns>The job's result ("done", "failed", ...), or null when it had not finished within <paramref name="timeout"/>.</returns>
    /// <exception cref="UnitControlException">The manager refused the request.</exception>
    public async Task<string?> RunJobAsync(string method, string unit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string job;
        try
        {
            job = await _connection.CallMethodAsync(CreateMessage(), static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString())
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException exception)
        {
            throw Refused(exception, unit);
        }
        var finished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_jobsLock)
        {
            if (_earlyResults.Remove(job, out var early))
            {
                return early;
            }
            _jobs[job] = finished;
        }
        try
        {
            return await finished.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _jobs.TryRemove(job, out _);
        }

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: Service, path: ManagerPath, @interface: ManagerInterface, signature: "ss", member: method);
            writer.WriteString(unit);
            writer.WriteString("replace");
            return writer.CreateMessage();
        }
    }

    private async Task WatchJobsAsync()
    {
        var watch = await _connection.WatchSignalAsync(
            sender: Service,
            path: ManagerPath,
            @interface: ManagerInterface,
            signal: "JobRemoved",
            reader: static (Message m, object? _) =>
            {
                var reader = m.GetBodyReader();
                reader.ReadUInt32();
                var job = reader.ReadObjectPathAsString();
                reader.ReadString();
                return (Job: job, Result: reader.ReadString());
            },
            handler: (Notification<(string Job, string Result)> removed) =>
            {
                if (removed.HasValue)
                {
                    OnJobRemoved(removed.Value.Job, removed.Value.Result);
                }
            },
            flags: ObserverFlags.None,
            emitOnCapturedContext: false,
            state: null).ConfigureAwait(false);
        Keep(watch);
    }

    private void OnJobRemoved(string job, string result)
    {
        lock (_jobsLock)
        {
            if (_jobs.TryRemove(job, out var waiter))
            {
                waiter.TrySetResult(result);
                return;
            }
            _earlyResults[job] = result;
            _earlyOrder.Enqueue(job);
            while (_earlyOrder.Count > MaxEarlyResults)
            {
                _earlyResults.Remove(_earlyOrder.Dequeue());
            }
        }
    }

    private static UnitControlException Refused(DBusErrorReplyException exception, string unit) =>
        new($"{unit}: {exception.ErrorMessage ?? exception.ErrorName}", exception)
        {
            NoSuchUnit = exception.ErrorName is "org.freedesktop.systemd1.NoSuchUnit" or "org.freedesktop.systemd1.LoadFailed",
        };
}
