namespace HostAgent.Core.Bgp;

/// <summary>
/// The commands that turn the running config into the target, sent on one vty connection in configure mode.
/// Strings, not lists, so plans holding a change compare by value.
/// </summary>
/// <param name="Script">Config-mode commands, one per line, entering and leaving each block they change.</param>
/// <param name="Summary">What changes, one item per change, passwords masked.</param>
/// <param name="Count">How many lines change.</param>
/// <param name="RefreshOutbound">A prefix list or route map changed: established sessions need a soft outbound refresh to send the result.</param>
public sealed record BgpConfigChange(string Script, string Summary, int Count, bool RefreshOutbound)
{
    public static BgpConfigChange None { get; } = new("", "", 0, false);

    public bool IsEmpty => Count == 0;

    public IReadOnlyList<string> Commands => Script.Length == 0 ? [] : Script.Split('\n');

    public override string ToString() => Summary;
}
