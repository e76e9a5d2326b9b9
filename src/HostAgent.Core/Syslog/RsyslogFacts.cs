using HostAgent.Core.Configuration;

namespace HostAgent.Core.Syslog;

/// <summary>What the installed rsyslog offers and what its other config files already do; shapes the drop-in.</summary>
/// <param name="OmrelpAvailable">rsyslog's omrelp module is installed, so "auto" servers use RELP.</param>
/// <param name="ModulesLoadedElsewhere">
/// Modules the main config (or another drop-in) loads: rsyslog refuses a second load, so the drop-in only
/// uses them.
/// </param>
/// <param name="IncludesDropIns">The main config includes the drop-in directory; without that the drop-in is never read.</param>
/// <param name="WorkDirectory">rsyslog's work directory as its config files set it (workDirectory); null when none does.</param>
public sealed record RsyslogFacts(bool OmrelpAvailable, EquatableList<string> ModulesLoadedElsewhere, bool IncludesDropIns = true, string? WorkDirectory = null)
{
    public bool IsLoadedElsewhere(string module) => ModulesLoadedElsewhere.Contains(module, StringComparer.Ordinal);
}
