namespace HostAgent.Core.Bgp;

/// <summary>How one call of a daemon tool (vtysh, frr-reload.py) ended.</summary>
public sealed record VtyshResult(int ExitCode, string Output, string Error, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>What the tool said, both streams, trimmed to one line per message.</summary>
    public string Message =>
        string.Join("; ", (Output + "\n" + Error).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
