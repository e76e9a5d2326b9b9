using System.Globalization;
using System.Text;
using HostAgent.Core.Configuration;

namespace HostAgent.Core.Syslog;

/// <summary>
/// The drop-in as text: pure, so every byte is pinned by golden files. Values were validated to a character
/// set that needs no escaping in a RainerScript string, so none can end a string and start a directive.
/// </summary>
public static class RsyslogDropInRenderer
{
    /// <summary>The forwarding template: RFC 5424, so structured data and message ids reach the server.</summary>
    public const string ForwardTemplate = "RSYSLOG_SyslogProtocol23Format";

    /// <summary>How long a suspended action waits before trying the server again; rsyslog's default is 30 s.</summary>
    public const int ResumeIntervalSeconds = 5;

    /// <summary>The socket input's ruleset, and the file name of its queue in the spool directory.</summary>
    public const string SocketRuleset = "hostagent-socket";

    /// <summary>Messages the socket's queue holds in memory before it spills to disk: the size of rsyslog's main queue.</summary>
    public const int SocketQueueSize = 100_000;

    /// <summary>Messages a forward queue holds in memory before it spills to disk.</summary>
    public const int ForwardQueueSize = 10_000;

    /// <summary>
    /// Where a forward queue starts spilling to disk. rsyslog starts its disk worker only when the messages not yet
    /// taken by the action worker reach this mark, while the queue is full when all of them, taken or not, reach its
    /// size. With its defaults (1,000, spill at 900, batches of 128) a burst that arrives just after the suspended
    /// action took a batch fills the queue without ever starting the disk worker: every rule before the forward
    /// action, local files included, then waits 2 s per message until the server is back. The mark is kept at least
    /// two batches below the size.
    /// </summary>
    public const int ForwardQueueHighWatermark = 8_000;

    /// <summary>The messages an action worker takes from its queue at once (rsyslog's default for action queues).</summary>
    public const int DequeueBatchSize = 128;

    public static string Render(RsyslogDropIn dropIn)
    {
        ArgumentNullException.ThrowIfNull(dropIn);
        var text = new StringBuilder();
        text.Append("# Written by hostagent from the \"syslog\" section of its config; changes here are overwritten.\n");
        text.Append("# Checked with rsyslogd -N1 before it is put in place; rsyslog is restarted only when it changes.\n");
        if (dropIn.LoadImuxsock)
        {
            // /dev/log belongs to the main config; this file only adds the socket the containers see.
            text.Append("module(load=\"imuxsock\" SysSock.Use=\"off\")\n");
        }
        if (dropIn.LoadImpstats)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"module(load=\"impstats\" interval=\"{dropIn.StatsIntervalSeconds}\" format=\"json\" resetCounters=\"off\" log.syslog=\"off\" log.file=\"{dropIn.StatsFile}\")\n");
        }
        if (dropIn.LoadOmrelp)
        {
            text.Append("module(load=\"omrelp\")\n");
        }
        text.Append('\n');
        RenderInput(text, dropIn);
        foreach (var target in dropIn.Targets)
        {
            text.Append('\n');
            RenderTarget(text, dropIn, target);
        }
        return text.ToString();
    }

    private static void RenderInput(StringBuilder text, RsyslogDropIn dropIn)
    {
        text.Append(dropIn.HeldSocket
            ? "# The socket is held outside rsyslogd and handed to it at start, so it is never unlinked.\n"
            : "# rsyslogd creates this socket itself: datagrams sent while it restarts are lost.\n");
        text.Append("# What it reads waits in a queue of its own that is saved to disk at shutdown: rsyslog's in-memory main\n");
        text.Append("# queue discards what a stopping rsyslogd cannot pass on in time.\n");
        text.Append(CultureInfo.InvariantCulture, $"input(type=\"imuxsock\" Socket=\"{dropIn.SocketPath}\"");
        if (dropIn.HeldSocket)
        {
            text.Append(" unlink=\"off\"");
        }
        // The standard parsers keep RFC 5424 structured data; the special parser would flatten it.
        text.Append(CultureInfo.InvariantCulture,
            $" UseSpecialParser=\"off\" ParseHostname=\"on\" RateLimit.Interval=\"{dropIn.RateLimitInterval}\" RateLimit.Burst=\"{dropIn.RateLimitBurst}\" ruleset=\"{SocketRuleset}\")\n");
        // The node's own rules (files, and the forward actions below) still see every message, as if the input
        // had no ruleset of its own.
        text.Append(CultureInfo.InvariantCulture,
            $"ruleset(name=\"{SocketRuleset}\" queue.type=\"LinkedList\" queue.size=\"{SocketQueueSize}\" queue.filename=\"{SocketRuleset}\" queue.spoolDirectory=\"{dropIn.SpoolDirectory}\"");
        text.Append(CultureInfo.InvariantCulture,
            $"\n        queue.maxDiskSpace=\"{dropIn.MaxDiskSpace}\" queue.saveOnShutdown=\"on\") {{\n    call RSYSLOG_DefaultRuleset\n}}\n");
    }

    private static void RenderTarget(StringBuilder text, RsyslogDropIn dropIn, ForwardTarget target)
    {
        text.Append(CultureInfo.InvariantCulture, $"# {target.Display}: buffered on disk while the server is away, forwarded when it is back.\n");
        if (target.Transport == SyslogTransport.Relp)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"action(type=\"omrelp\" name=\"{target.Name}\" target=\"{target.Address}\" port=\"{target.Port}\" template=\"{ForwardTemplate}\"");
            if (target.TlsCaFile is not null)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n       tls=\"on\" tls.caCert=\"{target.TlsCaFile}\" tls.authMode=\"name\" tls.permittedPeer=[\"{target.Address}\"]");
                if (target.TlsCertFile is not null && target.TlsKeyFile is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" tls.myCert=\"{target.TlsCertFile}\" tls.myPrivKey=\"{target.TlsKeyFile}\"");
                }
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"action(type=\"omfwd\" name=\"{target.Name}\" target=\"{target.Address}\" port=\"{target.Port}\" protocol=\"tcp\" TCP_Framing=\"octet-counted\" template=\"{ForwardTemplate}\"");
        }
        text.Append(CultureInfo.InvariantCulture,
            $"\n       queue.type=\"LinkedList\" queue.size=\"{ForwardQueueSize}\" queue.highWatermark=\"{ForwardQueueHighWatermark}\"");
        text.Append(CultureInfo.InvariantCulture,
            $" queue.filename=\"{target.Name}\" queue.spoolDirectory=\"{dropIn.SpoolDirectory}\" queue.maxDiskSpace=\"{dropIn.MaxDiskSpace}\"");
        text.Append(CultureInfo.InvariantCulture,
            $"\n       queue.saveOnShutdown=\"on\" action.resumeRetryCount=\"-1\" action.resumeInterval=\"{ResumeIntervalSeconds}\")\n");
    }
}
