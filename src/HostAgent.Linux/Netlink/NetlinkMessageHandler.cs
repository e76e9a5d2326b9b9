namespace HostAgent.Linux.Netlink;

/// <summary>Receives one reply message while it is still in the receive buffer.</summary>
internal delegate void NetlinkMessageHandler(NetlinkMessage message);
