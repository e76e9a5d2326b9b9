using HostAgent.Core.Syslog;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

public class ImpstatsParserTests
{
    [Fact]
    public void Parse_TwoBlocksAndACutLine_LastValuesPerAction()
    {
        string[] lines =
        [
            "ue\": 3 }",
            "Fri Nov 27 07:54:15 2026: { \"name\": \"imuxsock\", \"origin\": \"imuxsock\", \"submitted\": 1, \"ratelimit.discarded\": 0 }",
            "Fri Nov 27 07:54:15 2026: { \"name\": \"hostagent-fwd-0\", \"origin\": \"core.action\", \"processed\": 1, \"failed\": 0, \"suspended\": 0 }",
            "Fri Nov 27 07:54:15 2026: { \"name\": \"hostagent-fwd-0 queue\", \"origin\": \"core.queue\", \"size\": 0, \"enqueued\": 1, \"full\": 0, \"discarded.full\": 0, \"discarded.nf\": 0, \"maxqsize\": 1 }",
            "Fri Nov 27 07:54:25 2026: { \"name\": \"imuxsock\", \"origin\": \"imuxsock\", \"submitted\": 5000, \"ratelimit.discarded\": 0 }",
            "Fri Nov 27 07:54:25 2026: { \"name\": \"hostagent-fwd-0\", \"origin\": \"core.action\", \"processed\": 10, \"failed\": 2, \"suspended\": 1 }",
            "Fri Nov 27 07:54:25 2026: { \"name\": \"hostagent-fwd-0 queue[DA]\", \"origin\": \"core.queue\", \"size\": 3900, \"enqueued\": 3900 }",
            "Fri Nov 27 07:54:25 2026: { \"name\": \"hostagent-fwd-0 queue\", \"origin\": \"core.queue\", \"size\": 1000, \"enqueued\": 4990, \"full\": 0, \"discarded.full\": 3, \"discarded.nf\": 4, \"maxqsize\": 1000 }",
            "Fri Nov 27 07:54:25 2026: { \"name\": \"action-0-builtin:omfile\", \"origin\": \"core.action\", \"processed\": 5000, \"failed\": 0 }",
            "Fri Nov 27 07:54:25 2026: { \"name\": \"main Q\", \"origin\": \"core.queue\", \"size\": 0 }",
            "Fri Nov 27 07:54:35 2026: { \"name\": \"imuxsock\", \"origin\": \"imuxs",
        ];

        var stats = ImpstatsParser.Parse(lines, DateTimeOffset.UnixEpoch);

        Assert.Equal(5000, stats.Submitted);
        Assert.Equal(new ActionStats("hostagent-fwd-0", 10, 2, 1, new QueueStats(1000, 3900, 4990, 7)), stats.Find("hostagent-fwd-0"));
        Assert.Equal(4900, stats.Find("hostagent-fwd-0")!.Queue.Buffered);
        Assert.Equal(["action-0-builtin:omfile", "hostagent-fwd-0"], stats.Actions.Select(a => a.Name));
    }

    [Fact]
    public void Parse_SocketRulesetQueue_MemoryAndDiskParts()
    {
        string[] lines =
        [
            "Fri Nov 27 12:25:41 2026: { \"name\": \"hostagent-socket[DA]\", \"origin\": \"core.queue\", \"size\": 2500, \"enqueued\": 2500, \"full\": 0, \"discarded.full\": 0, \"discarded.nf\": 0, \"maxqsize\": 2500 }",
            "Fri Nov 27 12:25:41 2026: { \"name\": \"hostagent-socket\", \"origin\": \"core.queue\", \"size\": 40, \"enqueued\": 9000, \"full\": 0, \"discarded.full\": 1, \"discarded.nf\": 2, \"maxqsize\": 800 }",
            "Fri Nov 27 12:25:41 2026: { \"name\": \"main Q\", \"origin\": \"core.queue\", \"size\": 7, \"enqueued\": 7 }",
        ];

        var stats = ImpstatsParser.Parse(lines, DateTimeOffset.UnixEpoch);

        Assert.Equal(new QueueStats(40, 2500, 9000, 3), stats.SocketQueue);
        Assert.Equal(2540, stats.SocketQueue!.Buffered);
        Assert.Empty(stats.Actions);
    }

    [Fact]
    public void Parse_NoSocketRuleset_SocketQueueNull()
    {
        string[] lines = ["Fri Nov 27 12:25:41 2026: { \"name\": \"main Q\", \"origin\": \"core.queue\", \"size\": 7, \"enqueued\": 7 }"];

        Assert.Null(ImpstatsParser.Parse(lines, DateTimeOffset.UnixEpoch).SocketQueue);
    }
}
