using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;

namespace HostAgent.Core.Bgp;

/// <summary>
/// The pure heart of the BGP component. In order: a daemon that is down is started (with the file written
/// first when it would start from something else); a target the daemon's checker rejects is a conflict and
/// nothing is changed; a running config that differs gets the difference; a file that differs is rewritten;
/// and, once all that is in sync, what each established neighbor is sent is compared with what it should be.
/// </summary>
public static class BgpPlanner
{
    /// <summary>
    /// How long announcements may lag a change or a session coming up before a difference counts as drift.
    /// FRR 8 sends its first update about a second after a session comes up, but up to ~5 s after bgpd starts.
    /// </summary>
    public static readonly TimeSpan AnnouncementSettle = TimeSpan.FromSeconds(10);

    public static BgpPlan Plan(BgpPlanInput input)
    {
        var actions = new List<PlannedAction>();
        var findings = new List<Finding>();
        var observed = input.Observed;
        var settings = input.Settings;
        var checkRejected = observed.Check is { Accepted: false };
        if (checkRejected)
        {
            findings.Add(new Finding(FindingSeverity.Conflict,
                $"bgpd rejects the new config, the previous one stays: {observed.Check!.Message}"));
        }
        NoteDrain(input.Desired, findings);

        if (!observed.Daemon.Running || observed.Show is null)
        {
            if (!checkRejected && FileNeedsWriting(input, whileDown: true) is { } reason)
            {
                actions.Add(new WriteBgpConfigFile(settings.ConfigFile, input.Target, reason));
            }
            actions.Add(new StartBgpDaemon(settings.ServiceUnit, observed.Daemon.Problem ?? "is not answering"));
            return new BgpPlan(new Plan(actions, findings), BgpConfigChange.None, [], null);
        }

        var change = BgpConfigDiffer.Diff(DaemonConfig.Parse(input.Target), DaemonConfig.Parse(observed.Show.RunningConfig), settings.Flavor);
        if (checkRejected)
        {
            return new BgpPlan(new Plan(actions, findings), change, [], null);
        }
        if (!change.IsEmpty)
        {
            actions.Add(new ApplyBgpConfig(change, input.Target, observed.Show.RunningConfig, settings.ApplyMethod));
            return new BgpPlan(new Plan(actions, findings), change, [], null);
        }
        if (FileNeedsWriting(input, whileDown: false) is { } fileReason)
        {
            actions.Add(new WriteBgpConfigFile(settings.ConfigFile, input.Target, fileReason));
        }
        NoteRoutes(input, findings);
        var announcements = CheckAnnouncements(input, out var recheckAt);
        foreach (var check in announcements.Where(static a => a.Drifted))
        {
            actions.Add(new RefreshBgpAnnouncements(check.Neighbor, new EquatableList<Ipv4Cidr>(check.Missing), new EquatableList<Ipv4Cidr>(check.Extra)));
        }
        NoteSessions(input, findings);
        return new BgpPlan(new Plan(actions, findings), change, announcements, recheckAt);
    }

    /// <summary>
    /// FRR runs the file as written, so it must be the rendered text. Quagga rewrites the file in its own form on
    /// write memory, so there it is only written when missing (bgpd does not start without one).
    /// </summary>
    private static string? FileNeedsWriting(BgpPlanInput input, bool whileDown)
    {
        var file = input.Observed.ConfigFile;
        if (file is null)
        {
            return "missing";
        }
        if (input.Settings.Flavor == BgpFlavor.Frr && file != input.Target)
        {
            return whileDown ? "so bgpd starts with the current config" : "differs from the running config";
        }
        return null;
    }

    private static List<BgpAnnouncementCheck> CheckAnnouncements(BgpPlanInput input, out DateTimeOffset? recheckAt)
    {
        recheckAt = null;
        var observed = input.Observed;
        var show = observed.Show!;
        var expected = input.Desired.Networks.Where(n => show.LocalRoutes.Contains(n)).ToList();
        var checks = new List<BgpAnnouncementCheck>();
        foreach (var neighbor in input.Desired.Neighbors)
        {
            var session = show.Sessions.FirstOrDefault(s => s.Neighbor == neighbor.Address);
            var advertised = show.Advertised.GetValueOrDefault(neighbor.Address) ?? [];
            var missing = expected.Except(advertised).ToList();
            var extra = advertised.Except(expected).ToList();
            var settled = observed.Now >= observed.SettleUntil && session?.Uptime >= AnnouncementSettle;
            var judged = session is { Established: true } && settled;
            if (session is { Established: true } && !settled && (missing.Count > 0 || extra.Count > 0))
            {
                var at = Max(observed.SettleUntil, observed.Now + (AnnouncementSettle - (session.Uptime ?? TimeSpan.Zero)));
                recheckAt = recheckAt is null || at < recheckAt ? at : recheckAt;
            }
            checks.Add(new BgpAnnouncementCheck(neighbor.Address, expected, advertised, missing, extra, judged));
        }
        return checks;
    }

    private static void NoteRoutes(BgpPlanInput input, List<Finding> findings)
    {
        foreach (var prefix in input.Desired.Networks.Where(n => !input.Observed.Show!.LocalRoutes.Contains(n)))
        {
            findings.Add(new Finding(FindingSeverity.Notice,
                $"{prefix} is not announced: bgpd has no route for it (the bridge holding it is down or gone), so it is withdrawn rather than blackholed"));
        }
    }

    private static void NoteSessions(BgpPlanInput input, List<Finding> findings)
    {
        foreach (var neighbor in input.Desired.Neighbors)
        {
            var session = input.Observed.Show!.Sessions.FirstOrDefault(s => s.Neighbor == neighbor.Address);
            if (session is not { Established: true })
            {
                var name = neighbor.Description is null ? neighbor.Address : $"{neighbor.Address} ({neighbor.Description})";
                findings.Add(new Finding(FindingSeverity.Notice, $"session with {name} is {session?.State ?? "not configured"}"));
            }
        }
    }

    private static void NoteDrain(BgpDesired desired, List<Finding> findings)
    {
        switch (desired.Phase)
        {
            case DrainPhase.Shutdown:
                findings.Add(new Finding(FindingSeverity.Notice, "drained: announcing with GRACEFUL_SHUTDOWN (65535:0) until the withdraw delay is over"));
                break;
            case DrainPhase.Withdrawn:
                findings.Add(new Finding(FindingSeverity.Notice, $"drained: announcements withdrawn ({string.Join(", ", desired.Prefixes)}) until undrain"));
                break;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
