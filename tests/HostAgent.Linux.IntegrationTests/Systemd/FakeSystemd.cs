using System.Collections.Concurrent;
using HostAgent.Linux.Systemd;
using Tmds.DBus.Protocol;

namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>
/// Enough of org.freedesktop.systemd1 on a private bus to test the client against real D-Bus: Subscribe,
/// LoadUnit, unit jobs answered with a job path and finished with JobRemoved, GetAll of a unit's
/// properties, and PropertiesChanged when a unit's state is set.
/// </summary>
public sealed partial class FakeSystemd : IPathMethodHandler, IDisposable
{
    private readonly DBusConnection _connection;
    private readonly ConcurrentDictionary<string, (string Load, string Active, string Sub)> _units = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private int _nextJob;

    private FakeSystemd(DBusConnection connection)
    {
        _connection = connection;
    }

    public string Path => "/org/freedesktop/systemd1";

    public bool HandlesChildPaths => true;

    /// <summary>How the next job runs; reset to a plain "done" after each job.</summary>
    public FakeJob NextJob { get; set; } = new();

    /// <summary>Manager methods called so far, e.g. "Subscribe", "RestartUnit rsyslog.service".</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public static async Task<FakeSystemd> StartAsync(string address)
    {
        var connection = new DBusConnection(address);
        await Task.Run(() => connection.ConnectAsync().AsTask());
        var systemd = new FakeSystemd(connection);
        connection.AddMethodHandler(systemd);
        await connection.RequestNameAsync(SystemdBus.Service, RequestNameOptions.Default);
        return systemd;
    }

    /// <summary>Adds or changes a unit; a change is announced with PropertiesChanged, as systemd does.</summary>
    public void SetUnit(string unit, string active, string sub, string load = "loaded")
    {
        _units[unit] = (load, active, sub);
        EmitPropertiesChanged(unit);
    }

    public void Dispose() => _connection.Dispose();

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        if (request.PathAsString == Path && request.InterfaceAsString == SystemdBus.ManagerInterface)
        {
            HandleManager(context);
        }
        else if (request.InterfaceAsString == SystemdBus.PropertiesInterface && request.MemberAsString == "GetAll")
        {
            HandleGetAll(context);
        }
        else
        {
            context.ReplyUnknownMethodError();
        }
        return default;
    }

    private void HandleManager(MethodContext context)
    {
        var request = context.Request;
        var member = request.MemberAsString ?? "";
        var unit = request.SignatureAsString is "s" or "ss" ? request.GetBodyReader().ReadString() : null;
        _calls.Enqueue(unit is null ? member : $"{member} {unit}");
        switch (member)
        {
            case "Subscribe":
                context.Reply(context.CreateReplyWriter(null).CreateMessage());
                break;
            case "LoadUnit":
                _units.TryAdd(unit!, ("not-found", "inactive", "dead"));
                ReplyPath(context, UnitObjectPath.For(unit!));
                break;
            case "StartUnit" or "RestartUnit" or "ReloadOrRestartUnit":
                RunJob(context, unit!);
                break;
            default:
                context.ReplyUnknownMethodError();
                break;
        }
    }

    private void RunJob(MethodContext context, string unit)
    {
        if (!_units.TryGetValue(unit, out var state) || state.Load == "not-found")
        {
            context.ReplyError("org.freedesktop.systemd1.NoSuchUnit", $"Unit {unit} not found.");
            return;
        }
        var job = NextJob;
        NextJob = new FakeJob();
        var id = (uint)Interlocked.Increment(ref _nextJob);
        var path = $"/org/freedesktop/systemd1/job/{id}";
        if (job.FinishBeforeReply && job.Result is { } early)
        {
            EmitJobRemoved(id, path, unit, early);
            ReplyPath(context, path);
            return;
        }
        ReplyPath(context, path);
        _ = Task.Run(async () =>
        {
            foreach (var (active, sub) in job.States)
            {
                await Task.Delay(20);
                SetUnit(unit, active, sub);
            }
            if (job.Result is { } result)
            {
                await Task.Delay(20);
                EmitJobRemoved(id, path, unit, result);
            }
        });
    }

    private void HandleGetAll(MethodContext context)
    {
        var unit = _units.Keys.FirstOrDefault(u => UnitObjectPath.For(u) == context.Request.PathAsString);
        if (unit is null || !_units.TryGetValue(unit, out var state))
        {
            context.ReplyError("org.freedesktop.DBus.Error.UnknownObject", "no such object");
            return;
        }
        var writer = context.CreateReplyWriter("a{sv}");
        try
        {
            WriteState(ref writer, unit, state);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }
}
