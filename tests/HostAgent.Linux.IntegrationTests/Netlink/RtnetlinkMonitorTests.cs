using System.Diagnostics;
using HostAgent.Core.Networking;
using HostAgent.Linux.Netlink;
using HostAgent.TestLab;
using Xunit;
using Xunit.Abstractions;

namespace HostAgent.Linux.IntegrationTests.Netlink;

public sealed class RtnetlinkMonitorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public void Monitor_AddressDeletedWithIp_DeliversAddressDeleted()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        ns.Ip("link", "add", "br0", "type", "bridge");
        ns.Ip("addr", "add", "10.216.0.1/24", "dev", "br0");
        var index = ns.IndexOf("br0");
        var recorder = new NetworkEventRecorder();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.Start(recorder.Record);

        var before = Stopwatch.GetTimestamp();
        ns.Ip("addr", "del", "10.216.0.1/24", "dev", "br0");

        var deleted = recorder.WaitFor(e => e.Kind == NetworkEventKind.AddressDeleted, Within);
        Assert.NotNull(deleted);
        Assert.Equal(index, deleted.IfIndex);
        Assert.Equal(Prefixes.Parse("10.216.0.1/24"), deleted.Address);
        Assert.Null(deleted.Name);
        Assert.True(deleted.ReceivedTimestamp > before);
    }

    [SkippableFact]
    public void Monitor_LinkSetDownWithIp_DeliversLinkChanged()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        ns.Ip("link", "add", "vx", "type", "veth", "peer", "name", "vy");
        ns.Ip("link", "set", "vx", "up");
        var index = ns.IndexOf("vx");
        var recorder = new NetworkEventRecorder();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.Start(recorder.Record);

        ns.Ip("link", "set", "vx", "down");

        var changed = recorder.WaitFor(e => e.Kind == NetworkEventKind.LinkChanged && e.IfIndex == index, Within);
        Assert.NotNull(changed);
        Assert.Equal("vx", changed.Name);
        Assert.Null(changed.Address);
    }

    [SkippableFact]
    public void Monitor_LinkDeletedWithIp_DeliversLinkDeleted()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        ns.Ip("link", "add", "br0", "type", "bridge");
        var index = ns.IndexOf("br0");
        var recorder = new NetworkEventRecorder();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.Start(recorder.Record);

        ns.Ip("link", "del", "br0");

        var deleted = recorder.WaitFor(e => e.Kind == NetworkEventKind.LinkDeleted, Within);
        Assert.NotNull(deleted);
        Assert.Equal(index, deleted.IfIndex);
        Assert.Equal("br0", deleted.Name);
    }

    [SkippableFact]
    public void Monitor_ChangesThroughKernelNetwork_DeliversLinkAndAddressEvents()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        var recorder = new NetworkEventRecorder();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.Start(recorder.Record);
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);

        var index = kernel.CreateBridge("br0", 1500);
        var before = Stopwatch.GetTimestamp();
        kernel.AddAddress(index, Prefixes.Parse("10.216.0.1/24"));

        Assert.NotNull(recorder.WaitFor(e => e.Kind == NetworkEventKind.LinkChanged && e.IfIndex == index && e.Name == "br0", Within));
        var added = recorder.WaitFor(e => e.Kind == NetworkEventKind.AddressAdded, Within);
        Assert.NotNull(added);
        Assert.Equal(index, added.IfIndex);
        Assert.Equal(Prefixes.Parse("10.216.0.1/24"), added.Address);
        output.WriteLine($"from AddAddress call to event received: {Stopwatch.GetElapsedTime(before, added.ReceivedTimestamp).TotalMicroseconds:0} us");
    }

    [SkippableFact]
    public void Monitor_ChangesInAnotherNamespace_NotDelivered()
    {
        Lab.RequireRoot();
        using var watched = new TestNetns();
        using var other = new TestNetns();
        var recorder = new NetworkEventRecorder();
        using var monitor = new RtnetlinkMonitor(watched.Namespace);
        monitor.Start(recorder.Record);

        other.Ip("link", "add", "brother", "type", "bridge");
        other.Ip("addr", "add", "10.219.0.1/24", "dev", "brother");
        // Events are queued in order, so once the marker arrives anything leaked from the other namespace would have too.
        watched.Ip("link", "add", "marker", "type", "bridge");

        Assert.NotNull(recorder.WaitFor(e => e.Name == "marker", Within));
        Assert.DoesNotContain(recorder.Events, e => e.Name == "brother" || e.Address is not null);
    }

    [SkippableFact]
    public void Monitor_ConsumerStalledWithSmallBuffer_DeliversOverflowAndKeepsGoing()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        ns.Ip("link", "add", "br0", "type", "bridge");
        var recorder = new NetworkEventRecorder();
        using var release = new ManualResetEventSlim();
        using var monitor = new RtnetlinkMonitor(ns.Namespace, receiveBufferBytes: 4096);
        monitor.Start(e =>
        {
            release.Wait();
            recorder.Record(e);
        });

        // Far more notifications than a few kilobytes can hold while the consumer is stuck.
        var script = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(script, Enumerable.Range(1, 200).Select(i => $"addr add 10.220.{i}.1/24 dev br0"));
            ns.Ip("-batch", script);
        }
        finally
        {
            File.Delete(script);
        }
        release.Set();

        Assert.NotNull(recorder.WaitFor(e => e.Kind == NetworkEventKind.Overflow, Within));
        ns.Ip("link", "add", "marker", "type", "bridge");
        Assert.NotNull(recorder.WaitFor(e => e.Name == "marker", Within));
        Assert.True(monitor.IsRunning);
    }

    [SkippableFact]
    public void Monitor_CallbackThrows_ReportsToOnErrorAndKeepsDelivering()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        var recorder = new NetworkEventRecorder();
        var errors = new List<Exception>();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.OnError = e =>
        {
            lock (errors)
            {
                errors.Add(e);
            }
        };
        monitor.Start(e =>
        {
            recorder.Record(e);
            if (e.Name == "first")
            {
                throw new InvalidOperationException("consumer bug");
            }
        });

        ns.Ip("link", "add", "first", "type", "bridge");
        ns.Ip("link", "add", "second", "type", "bridge");

        Assert.NotNull(recorder.WaitFor(e => e.Name == "second", Within));
        lock (errors)
        {
            Assert.Contains(errors, e => e.Message == "consumer bug");
        }
    }

    [SkippableFact]
    public void Dispose_WhileWaiting_ReturnsPromptlyAndStopsThread()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.Start(_ => { });
        Assert.True(monitor.IsRunning);

        var clock = Stopwatch.StartNew();
        monitor.Dispose();
        clock.Stop();

        output.WriteLine($"Dispose took {clock.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Dispose took {clock.Elapsed}");
        Assert.False(monitor.IsRunning);
        Assert.Throws<ObjectDisposedException>(() => monitor.Start(_ => { }));
    }

    [SkippableFact]
    public void Dispose_NeverStarted_Returns()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        var monitor = new RtnetlinkMonitor(ns.Namespace);

        monitor.Dispose();
        monitor.Dispose();

        Assert.False(monitor.IsRunning);
    }

    [SkippableFact]
    public void Start_Twice_Throws()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);
        monitor.Start(_ => { });

        Assert.Throws<InvalidOperationException>(() => monitor.Start(_ => { }));
    }

    [SkippableFact]
    public void Constructor_Default_GetsLargeReceiveBuffer()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var monitor = new RtnetlinkMonitor(ns.Namespace);

        output.WriteLine($"receive buffer: {monitor.ReceiveBufferBytes} bytes");
        Assert.True(monitor.ReceiveBufferBytes >= RtnetlinkMonitor.DefaultReceiveBufferBytes);
    }
}
