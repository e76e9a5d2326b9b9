namespace HostAgent.Core.Bgp;

/// <summary>The daemon's own verdict on a config file, before anything is applied.</summary>
/// <param name="Message">The checker's output when it rejected the file; empty when accepted.</param>
public sealed record BgpCheckResult(bool Accepted, string Message)
{
    public static BgpCheckResult Ok { get; } = new(true, "");
}
