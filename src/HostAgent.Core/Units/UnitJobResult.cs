namespace HostAgent.Core.Units;

/// <summary>How a start/restart/reload job ended; the names are systemd's job results.</summary>
public enum UnitJobResult
{
    Done,
    Canceled,
    Timeout,
    Failed,
    Dependency,
    Skipped,
}
