using HostAgent.Core.Units;
using Tmds.DBus.Protocol;

namespace HostAgent.Linux.Systemd;

/// <summary>Unit state: read now, and followed through the unit object's PropertiesChanged signal.</summary>
public sealed partial class SystemdBus
{
    /// <summary>The unit's state now; LoadState "not-found" when no such unit is installed.</summary>
    /// <exception cref="UnitControlException">The manager refused the request.</exception>
    public async Task<UnitState> GetUnitStateAsync(string unit, CancellationToken cancellationToken)
    {
        try
        {
            var path = await _connection.CallMethodAsync(CreateLoadMessage(), static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString())
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            var properties = await _connection.CallMethodAsync(
                CreateGetAllMessage(path),
                static (Message m, object? _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue()).WaitAsync(cancellationToken).ConfigureAwait(false);
            return ToState(unit, properties) ?? throw new UnitControlException($"{unit}: systemd reported no ActiveState/SubState");
        }
        catch (DBusErrorReplyException exception)
        {
            throw Refused(exception, unit);
        }

        MessageBuffer CreateLoadMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: Service, path: ManagerPath, @interface: ManagerInterface, signature: "s", member: "LoadUnit");
            writer.WriteString(unit);
            return writer.CreateMessage();
        }

        MessageBuffer CreateGetAllMessage(string path)
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: Service, path: path, @interface: PropertiesInterface, signature: "s", member: "GetAll");
            writer.WriteString(UnitInterface);
            return writer.CreateMessage();
        }
    }

    /// <summary>
    /// Calls <paramref name="onState"/> with the unit's new state every time systemd announces a change of its
    /// unit properties (systemd sends every state property with each change). Dispose the result to stop.
    /// </summary>
    public async Task<IDisposable> WatchUnitAsync(string unit, Action<UnitState> onState)
    {
        var watch = await _connection.WatchSignalAsync(
            sender: Service,
            path: UnitObjectPath.For(unit),
            @interface: PropertiesInterface,
            signal: "PropertiesChanged",
            reader: (Message m, object? _) =>
            {
                var reader = m.GetBodyReader();
                return reader.ReadString() == UnitInterface ? ToState(unit, reader.ReadDictionaryOfStringToVariantValue()) : null;
            },
            handler: (Notification<UnitState?> changed) =>
            {
                if (changed.HasValue && changed.Value is { } state)
                {
                    onState(state);
                }
            },
            flags: ObserverFlags.None,
            emitOnCapturedContext: false,
            state: null).ConfigureAwait(false);
        Keep(watch);
        return watch;
    }

    private static UnitState? ToState(string unit, Dictionary<string, VariantValue> properties)
    {
        if (!properties.TryGetValue("ActiveState", out var active) || !properties.TryGetValue("SubState", out var sub))
        {
            return null;
        }
        var load = properties.TryGetValue("LoadState", out var loaded) ? loaded.GetString() : "loaded";
        return new UnitState(unit, active.GetString(), sub.GetString(), load);
    }
}
