namespace HostAgent.Linux.Processes;

/// <summary>How a tool run ended: exit code (-1 when it was killed for taking too long), both streams, the time it took.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error, TimeSpan Duration, bool TimedOut);
