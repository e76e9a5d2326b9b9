using System.Runtime.Versioning;
using HostAgent.Linux.Syslog;
using HostAgent.TestLab;
using HostAgent.TestLab.Syslog;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>
/// The queues' disk files need rsyslog's spool directory: without it rsyslog keeps a queue in memory only and loses
/// it at a restart. The agent makes it when it is missing, and a real rsyslogd saves its forward queue there.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SpoolDirectoryTests
{
    private const int Messages = 2_000;

    [SkippableFact]
    public async Task Reconcile_SpoolDirectoryMissing_CreatedAndRsyslogSavesItsQueueThere()
    {
        Lab.RequireRoot();
        var spool = Path.Combine(Path.GetTempPath(), $"hostagent-spool-{Guid.NewGuid():N}", "spool");
        try
        {
            using var namespaces = new NamespacePair();
            // Nothing listens at the server's address: the forward queue holds every message.
            using var lab = new SyslogLab(
                $"\"servers\": [{{ \"address\": \"{NamespacePair.FirstAddress}\", \"transport\": \"tcp\" }}]",
                netns: namespaces.Second.Name,
                spoolDirectory: spool);
            Assert.Equal($"{lab.Root}/work", new RsyslogTools().Facts(lab.Holder.Current.Syslog!).WorkDirectory);

            var first = lab.Reconcile("start");

            Assert.True(first.InSync, first.Error);
            Assert.Contains(first.Applied, a => a.Description == $"create rsyslog's spool directory {spool} (owner 0:0, mode 0700)");
            var info = new DirectoryInfo(spool);
            Assert.True(info.Exists);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, info.UnixFileMode);
            using (var client = new DirectoryClient(lab.SocketDirectory))
            {
                for (var i = 0; i < Messages; i++)
                {
                    client.Send(DirectoryClient.Message(i));
                }
            }
            Assert.True(Lab.WaitUntil(() => LabCount.Of(lab.Lines(), Messages).Distinct == Messages, TimeSpan.FromSeconds(20)));

            // A stopping rsyslogd saves the queue (queue.saveOnShutdown) in the directory the agent made.
            await lab.Manager.StopAsync(CancellationToken.None);
            var saved = Directory.GetFiles(spool).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Contains("hostagent-fwd-0.qi", saved);
            Assert.Contains(saved, f => f!.StartsWith("hostagent-fwd-0.0", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(spool)!, recursive: true);
        }
    }
}
