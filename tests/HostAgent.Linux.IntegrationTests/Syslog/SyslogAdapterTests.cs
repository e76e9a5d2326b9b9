using System.Net.Sockets;
using System.Runtime.Versioning;
using HostAgent.Core.Configuration;
using HostAgent.Core.Syslog;
using HostAgent.Linux.Syslog;
using HostAgent.TestLab;
using HostAgent.TestLab.Syslog;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Syslog;

/// <summary>The real syslog adapters on their own: files, sockets, inotify, rsyslogd processes in a temporary directory.</summary>
[SupportedOSPlatform("linux")]
public sealed class SyslogAdapterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hostagent-syslog-adapters-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [SkippableFact]
    public void CreateDirectory_OwnerAndMode_ExactDespiteUmask()
    {
        Lab.RequireRoot();
        var files = new LinuxSocketDirectory();
        var path = Path.Combine(_root, "a", "sock");

        files.CreateDirectory(path, Convert.ToInt32("2750", 8) & 0x1FF, 65534, 65534);

        var observed = files.Observe(path, readLabel: false);
        Assert.Equal((PathKind.Directory, 65534u, 65534u, Convert.ToInt32("750", 8)), (observed.Kind, observed.Uid, observed.Gid, observed.Mode));
        Assert.Equal(new AccountIds(65534, 65534), files.Resolve("nobody", "nogroup"));
        Assert.Equal(new AccountIds(null, 7), files.Resolve("no-such-user-here", "7"));
        Assert.Equal(PathObservation.Missing, files.Observe(Path.Combine(_root, "missing", "x"), false));
    }

    [SkippableFact]
    public void SelinuxEnforcing_NoSelinuxfs_False()
    {
        // Debian runs without SELinux; the decision to label is unit-tested (SelinuxLabelsTests).
        Assert.False(new LinuxSocketDirectory().SelinuxEnforcing);
        var fake = Path.Combine(_root, "enforce");
        File.WriteAllText(fake, "1\n");
        Assert.True(new LinuxSocketDirectory(fake).SelinuxEnforcing);
    }

    [Fact]
    public void Canary_EachSocketState_Reported()
    {
        var canary = new UnixSocketCanary(TimeProvider.System, "node1");
        var path = Path.Combine(_root, "log");

        Assert.Equal(CanaryOutcome.Missing, canary.Send(path).Outcome);
        using (var held = new HeldLogSocket(path))
        {
            held.Bind();
            Assert.Equal(CanaryOutcome.Accepted, canary.Send(path).Outcome);
            using var reader = new Socket(held.Handle);
            var buffer = new byte[2048];
            var length = reader.Receive(buffer);
            Assert.StartsWith("<14>1 ", System.Text.Encoding.UTF8.GetString(buffer, 0, length), StringComparison.Ordinal);
            // Nobody reads: the queue fills and the canary is told, never blocked.
            var outcomes = Enumerable.Range(0, 2000).Select(_ => canary.Send(path).Outcome).ToList();
            Assert.Equal(CanaryOutcome.Full, outcomes[^1]);
        }
        // The holder let go without removing the path: a socket file nobody reads. A process another test forks
        // at that moment holds a copy of the descriptor until it execs, so the socket may take a moment to go.
        Assert.True(File.Exists(path));
        Assert.True(Lab.WaitUntil(() => canary.Send(path).Outcome == CanaryOutcome.Refused, TimeSpan.FromSeconds(5)), canary.Send(path).Outcome.ToString());
        // Held again over the dead file: only a socket nobody serves is ever replaced.
        using var again = new HeldLogSocket(path);
        again.Bind();
        Assert.Equal(CanaryOutcome.Accepted, canary.Send(path).Outcome);
        using var other = new HeldLogSocket(path);
        Assert.Throws<IOException>(other.Bind);
    }

    [Fact]
    public void Watcher_SocketCreatedAndRemoved_Signals()
    {
        var directory = Path.Combine(_root, "sock");
        var holder = new ConfigHolder(
            ConfigLoader.Parse($$"""{ "network": { "podCidr": "10.216.0.0/24" }, "syslog": { "directory": "{{directory}}" } }""").Config!,
            "x", DateTimeOffset.UtcNow);
        var reasons = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watcher = new SocketDirectoryWatcher(holder, TimeProvider.System);
        watcher.Start(reasons.Enqueue);

        // The directory appears later (the component creates it): it is found and watched.
        Directory.CreateDirectory(directory);
        Assert.True(Lab.WaitUntil(() => watcher.Watching == directory, TimeSpan.FromSeconds(5)));
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory, "log")));
            Assert.True(Lab.WaitUntil(() => reasons.Contains("socket created"), TimeSpan.FromSeconds(5)));
        }
        File.Delete(Path.Combine(directory, "log"));
        Assert.True(Lab.WaitUntil(() => reasons.Contains("socket removed"), TimeSpan.FromSeconds(5)));
    }

    [SkippableFact]
    public async Task ProcessManager_NewManagerWhileRsyslogRuns_AdoptsItAndTakesTheSocketBack()
    {
        Lab.RequireRoot();
        using var lab = new SyslogLab();
        Assert.True(lab.Reconcile("start").InSync);
        var pid = lab.Manager.Pid;
        var settings = lab.Holder.Current.Syslog!;

        // A second agent: it finds rsyslogd through the pid file and takes a copy of the socket from it.
        using (var second = new RsyslogProcessManager(settings.StartCommand, settings.PidFile, settings.ServiceUnit, settings.SocketPath,
            TimeProvider.System, NullLogger<RsyslogProcessManager>.Instance))
        {
            Assert.Equal(pid, second.Pid);
            Assert.True(second.HoldsSocket);
            var inode = new LinuxSocketDirectory().Observe(settings.SocketPath, false).Inode;

            Assert.Equal(Core.Units.UnitJobResult.Done, await second.RestartAsync(settings.ServiceUnit, CancellationToken.None));

            Assert.NotEqual(pid, second.Pid);
            Assert.Equal(inode, new LinuxSocketDirectory().Observe(settings.SocketPath, false).Inode);
            using var client = new DirectoryClient(lab.SocketDirectory);
            client.Send(DirectoryClient.Message(7));
            Assert.True(Lab.WaitUntil(() => LabCount.Of(lab.Lines(), 8).Distinct == 1, TimeSpan.FromSeconds(10)));
            await second.StopAsync(CancellationToken.None);
            Assert.Equal(0, second.Pid);
            Assert.Equal("inactive", (await second.GetStateAsync(settings.ServiceUnit, CancellationToken.None))!.ActiveState);
        }
        Assert.Null(await lab.Manager.GetStateAsync("other.service", CancellationToken.None));
        // The first manager's child was stopped by the second one; it is reaped and seen as gone.
        Assert.Equal(0, lab.Manager.Pid);
    }

    [SkippableFact]
    public async Task Checker_GoldenDropIns_AcceptedByRealRsyslogd()
    {
        Lab.RequireRoot();
        var tools = new RsyslogTools();
        foreach (var scenario in Directory.EnumerateDirectories(GoldenRoot()).Where(d => !d.EndsWith("tls-ipv6", StringComparison.Ordinal)))
        {
            var facts = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(scenario, "facts.json"))).RootElement;
            var loads = string.Join('\n', facts.GetProperty("loadedElsewhere").EnumerateArray()
                .Select(m => m.GetString() == "imuxsock" ? "module(load=\"imuxsock\" SysSock.Use=\"off\")" : $"module(load=\"{m.GetString()}\")")
                .Where(l => !l.Contains("imklog", StringComparison.Ordinal)));
            var main = Path.Combine(_root, "rsyslog.conf");
            var dropIns = Path.Combine(_root, "rsyslog.d");
            Directory.CreateDirectory(dropIns);
            File.WriteAllText(main, $"global(workDirectory=\"{_root}\")\n{loads}\n$IncludeConfig {dropIns}/*.conf\naction(type=\"omfile\" file=\"{_root}/out.log\")\n");
            var settings = new SyslogSettings { MainConfig = main, DropInDirectory = dropIns };

            var check = await tools.CheckAsync(settings, File.ReadAllText(Path.Combine(scenario, "10-hostagent.conf")), CancellationToken.None);

            Assert.True(check.Accepted, $"{Path.GetFileName(scenario)}: {check.Output}");
        }
    }

    private static string GoldenRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HostAgent.sln")))
        {
            directory = directory.Parent;
        }
        var root = directory?.FullName ?? TestLab.Daemon.AgentBinary.RepositoryRoot;
        return Path.Combine(root, "tests", "HostAgent.Core.Tests", "Syslog", "testdata");
    }
}
