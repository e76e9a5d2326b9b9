using System.Buffers.Binary;
using HostAgent.Linux.Netlink;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Netlink;

/// <summary>Message layout, checked without a kernel.</summary>
public sealed class NetlinkMessageTests
{
    [Fact]
    public void Writer_NestedAttributes_LaysOutAlignedMessageThatReadsBack()
    {
        var writer = new NetlinkMessageWriter();
        writer.Begin(Rtnl.NewLink, Rtnl.FlagRequest | Rtnl.FlagAck, 7);
        writer.WriteIfInfo(Rtnl.AfUnspec, 5, Rtnl.IffUp, Rtnl.IffUp);
        writer.AddString(Rtnl.IflaIfname, "br0");
        writer.AddUInt32(Rtnl.IflaMtu, 1400);
        var nested = writer.BeginNested(Rtnl.IflaLinkinfo);
        writer.AddString(Rtnl.IflaInfoKind, "bridge");
        writer.EndNested(nested);

        var bytes = writer.Message.ToArray();

        // 16 header + 16 ifinfomsg + 8 (name "br0\0") + 8 (mtu) + 16 (nest: 4 + kind "bridge\0" as 11 padded to 12).
        Assert.Equal(64, bytes.Length);
        Assert.Equal(64u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(0x8000 | Rtnl.IflaLinkinfo, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(50)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(48)));
        var reader = new NetlinkMessageReader(bytes);
        Assert.True(reader.TryRead(out var message));
        Assert.Equal(Rtnl.NewLink, message.Type);
        Assert.Equal(7u, message.Sequence);
        var link = RtnetlinkParser.ParseLink(message.Payload);
        Assert.Equal(5, link.Index);
        Assert.Equal("br0", link.Name);
        Assert.Equal("bridge", link.Kind);
        Assert.Equal(1400, link.Mtu);
        Assert.True(link.AdminUp);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Writer_Ipv4Attribute_IsNetworkByteOrderAndParsesBack()
    {
        var writer = new NetlinkMessageWriter();
        writer.Begin(Rtnl.NewAddr, Rtnl.FlagRequest, 1);
        writer.WriteIfAddr(Rtnl.AfInet, 24, Rtnl.ScopeUniverse, 9);
        writer.AddIpv4(Rtnl.IfaLocal, 0x0AD80001);

        var bytes = writer.Message.ToArray();

        Assert.Equal(new byte[] { 10, 216, 0, 1 }, bytes[28..32]);
        var reader = new NetlinkMessageReader(bytes);
        Assert.True(reader.TryRead(out var message));
        Assert.True(RtnetlinkParser.TryParseAddress(message.Payload, out var index, out var address));
        Assert.Equal(9, index);
        Assert.Equal("10.216.0.1/24", address.ToString());
    }

    [Fact]
    public void Reader_LengthBeyondDatagram_ThrowsInvalidData()
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 40);

        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new NetlinkMessageReader(bytes);
            reader.TryRead(out _);
        });
    }

    [Fact]
    public void ParseError_CappedAckWithExtendedMessage_ReturnsErrnoAndText()
    {
        const string text = "mtu greater than device maximum";
        var attributeLength = Rtnl.AttributeHeaderLength + text.Length + 1;
        var message = new byte[Rtnl.HeaderLength + 4 + Rtnl.HeaderLength + Rtnl.Align(attributeLength)];
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)message.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), Rtnl.MsgError);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(6), Rtnl.FlagCapped | Rtnl.FlagAckTlvs);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(16), -22);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(36), (ushort)attributeLength);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(38), Rtnl.ErrorAttrMessage);
        System.Text.Encoding.ASCII.GetBytes(text, message.AsSpan(40));

        var reader = new NetlinkMessageReader(message);
        Assert.True(reader.TryRead(out var parsed));
        var (error, detail) = RtnetlinkParser.ParseError(parsed);

        Assert.Equal(-22, error);
        Assert.Equal(text, detail);
    }
}
