namespace HostAgent.Core.Bgp;

/// <summary>
/// The names of the policy objects the agent renders. Every prefix list and route map whose name starts
/// with <see cref="OwnedPrefix"/> belongs to the agent; others in the daemon are left alone.
/// </summary>
public static class BgpPolicy
{
    public const string OwnedPrefix = "HOSTAGENT-";

    /// <summary>The prefixes the node may announce: the export route map matches them, so it never becomes a transit.</summary>
    public const string AnnouncePrefixList = "HOSTAGENT-ANNOUNCE";

    /// <summary>Applied to every neighbor outbound: only the node's own prefixes, with its communities.</summary>
    public const string ExportRouteMap = "HOSTAGENT-OUT";

    /// <summary>Applied to every neighbor inbound: accept what the peer sends (FRR refuses eBGP routes without a policy).</summary>
    public const string ImportRouteMap = "HOSTAGENT-IN";
}
