using HostAgent.Core.Syslog;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

public class SocketTransitionsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private static readonly CanaryResult Ok = new(CanaryOutcome.Accepted, "ok");

    private static PathObservation Socket(ulong inode) => new(PathKind.Socket, 0, 0, 438, inode);

    [Fact]
    public void Observe_Sequence_EachStateReportedOnceAndReplacementsCounted()
    {
        var transitions = new SocketTransitions();

        var events = new[]
        {
            transitions.Observe(Socket(7), Ok, Now),
            transitions.Observe(Socket(7), Ok, Now),
            transitions.Observe(PathObservation.Missing, null, Now),
            transitions.Observe(PathObservation.Missing, null, Now),
            transitions.Observe(Socket(8), Ok, Now.AddSeconds(1)),
            transitions.Observe(Socket(9), Ok, Now.AddSeconds(2)),
            transitions.Observe(Socket(9), new CanaryResult(CanaryOutcome.Refused, "Connection refused"), Now),
        }.Select(e => e?.Kind).ToList();

        Assert.Equal(
            [SocketEventKind.Accepting, null, SocketEventKind.Missing, null, SocketEventKind.Replaced, SocketEventKind.Replaced, SocketEventKind.Refusing],
            events);
        Assert.Equal(2UL, transitions.Replacements);
        Assert.Equal(Now.AddSeconds(2), transitions.LastReplaced);
    }
}
