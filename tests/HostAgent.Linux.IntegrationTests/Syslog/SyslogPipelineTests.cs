using System.Runtime.Versioning;
using HostAgent.Core.Syslog;
using HostAgent.Linux.Syslog;
using HostAgent.TestLab;
using HostAgent.TestLab.Syslog;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>
/// The node's pipeline with a real rsyslogd run by the syslog component (no systemd here: the agent holds the
/// socket and hands it to every rsyslogd it starts). Unix sockets and files in a temporary directory only.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SyslogPipelineTests
{
    private const int Messages = 10_000;
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    public SyslogPipelineTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public async Task Pipeline_RsyslogRestartedTwiceWhileClientWrites_AllMessagesArrive()
    {
        Lab.RequireRoot();
        using var lab = new SyslogLab("\"owner\": \"nobody\", \"group\": \"nogroup\", \"mode\": \"0750\", \"socketMode\": \"0660\"");

        var first = lab.Reconcile("start");

        Assert.True(first.InSync, first.Error);
        var files = new LinuxSocketDirectory();
        Assert.Equal(new PathObservation(PathKind.Directory, 65534, 65534, Convert.ToInt32("750", 8), 0), files.Observe(lab.SocketDirectory, false) with { Inode = 0 });
        var socket = files.Observe(lab.SocketPath, false);
        Assert.Equal((PathKind.Socket, 65534u, 65534u, Convert.ToInt32("660", 8)), (socket.Kind, socket.Uid, socket.Gid, socket.Mode));
        Assert.True(lab.Manager.HoldsSocket);

        using var client = new DirectoryClient(lab.SocketDirectory);
        var progress = 0;
        var sender = Task.Run(() =>
        {
            for (var i = 0; i < Messages; i++)
            {
                client.Send(DirectoryClient.Message(i));
                Volatile.Write(ref progress, i + 1);
                // About 5 messages a millisecond, so both restarts fall well inside the stream.
                if (i % 5 == 4)
                {
                    Thread.Sleep(1);
                }
            }
        });
        var pids = new List<int> { lab.Manager.Pid };
        foreach (var at in new[] { 3_000, 6_500 })
        {
            Assert.True(Lab.WaitUntil(() => Volatile.Read(ref progress) >= at || sender.IsCompleted, TimeSpan.FromSeconds(30)));
            Assert.False(sender.IsCompleted, "the client finished before the restart: it must write while rsyslog restarts");
            lab.Restart($"test restart at message {at}");
            pids.Add(lab.Manager.Pid);
        }
        await sender.WaitAsync(TimeSpan.FromSeconds(60));

        Lab.WaitUntil(() => LabCount.Of(lab.Lines(), Messages).Distinct == Messages, ArrivalTimeout);
        var count = LabCount.Of(lab.Lines(), Messages);
        _output.WriteLine($"held socket, 2 restarts: {count}; client reopened the socket {client.Opens - 1} time(s), retried {client.Retries} send(s)");
        Assert.Equal(3, pids.Distinct().Count());
        Assert.Equal(0, count.Lost);
        Assert.Equal(0, count.Duplicates);
        // Held: the same socket (inode) throughout, never unlinked or made again.
        Assert.Equal(socket.Inode, files.Observe(lab.SocketPath, false).Inode);
        Assert.True(lab.Reconcile("after").InSync);
    }
}
