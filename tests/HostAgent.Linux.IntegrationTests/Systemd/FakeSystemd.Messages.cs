using HostAgent.Linux.Systemd;
using Tmds.DBus.Protocol;

namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>The fake's replies and signals, written as systemd writes them.</summary>
public sealed partial class FakeSystemd
{
    private static void ReplyPath(MethodContext context, string path)
    {
        var writer = context.CreateReplyWriter("o");
        try
        {
            writer.WriteObjectPath(path);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>The unit's properties as an a{sv}: the three states and its name.</summary>
    private static void WriteState(ref MessageWriter writer, string unit, (string Load, string Active, string Sub) state)
    {
        var dictionary = writer.WriteDictionaryStart();
        foreach (var (name, value) in new[] { ("Id", unit), ("LoadState", state.Load), ("ActiveState", state.Active), ("SubState", state.Sub) })
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(name);
            writer.WriteVariantString(value);
        }
        writer.WriteDictionaryEnd(dictionary);
    }

    private void EmitPropertiesChanged(string unit)
    {
        var state = _units[unit];
        var writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(path: UnitObjectPath.For(unit), @interface: SystemdBus.PropertiesInterface, member: "PropertiesChanged", signature: "sa{sv}as");
            writer.WriteString(SystemdBus.UnitInterface);
            WriteState(ref writer, unit, state);
            writer.WriteArray(Array.Empty<string>());
            _connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    private void EmitJobRemoved(uint id, string job, string unit, string result)
    {
        var writer = _connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(path: SystemdBus.ManagerPath, @interface: SystemdBus.ManagerInterface, member: "JobRemoved", signature: "uoss");
            writer.WriteUInt32(id);
            writer.WriteObjectPath(job);
            writer.WriteString(unit);
            writer.WriteString(result);
            _connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }
}
