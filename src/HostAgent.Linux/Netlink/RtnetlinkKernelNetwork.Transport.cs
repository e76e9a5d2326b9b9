using System.Buffers.Binary;
using HostAgent.Core.Networking;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Netlink;

/// <summary>The request/reply exchange: one request in flight at a time, replies matched by sequence number.</summary>
public sealed partial class RtnetlinkKernelNetwork
{
    /// <summary>Starts a request in <see cref="_request"/>; call with the gate held.</summary>
    private uint Begin(ushort type, ushort flags)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _sequence = _sequence == uint.MaxValue ? 1 : _sequence + 1;
        _request.Begin(type, (ushort)(Rtnl.FlagRequest | flags), _sequence);
        return _sequence;
    }

    /// <summary>
    /// Sends the request and consumes replies until it is answered: by NLMSG_ERROR (an ack when the errno is 0),
    /// by NLMSG_DONE for a dump, or by the single reply of a plain get. Returns whether a dump was interrupted.
    /// </summary>
    private bool Exchange(uint sequence, ushort flags, string operation, NetlinkMessageHandler? onReply = null)
    {
        var sendError = _socket.Send(_request.Message);
        if (sendError != 0)
        {
            throw Failure(operation, sendError, null);
        }
        var interrupted = false;
        while (true)
        {
            var received = _socket.Receive(_receiveBuffer, wait: true, out var sender);
            if (received < 0)
            {
                var errno = -received;
                if (errno == Errno.EINTR)
                {
                    continue;
                }
                throw errno == Errno.EAGAIN
                    ? new KernelNetworkException($"{operation}: no reply from the kernel within {ReplyTimeout.TotalSeconds:0} s", Errno.ETIMEDOUT)
                    : Failure(operation, errno, null);
            }
            if (received > _receiveBuffer.Length)
            {
                throw new KernelNetworkException($"{operation}: reply of {received} bytes exceeds the {_receiveBuffer.Length}-byte buffer", Errno.EMSGSIZE);
            }
            if (sender != 0)
            {
                continue;
            }
            var reader = new NetlinkMessageReader(_receiveBuffer.AsSpan(0, received));
            try
            {
                while (reader.TryRead(out var message))
                {
                    // Anything else is left over from an earlier request abandoned half way.
                    if (message.Sequence != sequence)
                    {
                        continue;
                    }
                    interrupted |= (message.Flags & Rtnl.FlagDumpInterrupted) != 0;
                    switch (message.Type)
                    {
                        case Rtnl.MsgError:
                            var (error, detail) = RtnetlinkParser.ParseError(message);
                            return error == 0 ? interrupted : throw Failure(operation, -error, detail);
                        case Rtnl.MsgDone:
                            var doneError = message.Payload.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(message.Payload) : 0;
                            return doneError >= 0 ? interrupted : throw Failure(operation, -doneError, null);
                        case Rtnl.MsgNoop:
                            break;
                        case Rtnl.MsgOverrun:
                            throw new KernelNetworkException($"{operation}: netlink overrun", Errno.ENOBUFS);
                        default:
                            onReply?.Invoke(message);
                            var more = (flags & Rtnl.FlagAck) != 0 || (message.Flags & Rtnl.FlagMulti) != 0;
                            if (!more)
                            {
                                return interrupted;
                            }
                            break;
                    }
                }
            }
            catch (InvalidDataException exception)
            {
                throw new KernelNetworkException($"{operation}: malformed reply: {exception.Message}", exception);
            }
        }
    }

    private static KernelNetworkException Failure(string operation, int errno, string? detail) =>
        new(detail is null
            ? $"{operation}: {Errno.Describe(errno)}"
            : $"{operation}: {Errno.Describe(errno)}; kernel: {detail}", errno);
}
