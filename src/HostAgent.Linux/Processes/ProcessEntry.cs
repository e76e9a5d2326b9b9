namespace HostAgent.Linux.Processes;

/// <summary>A process as /proc shows it: its command name (at most 15 characters) and state letter (R, S, Z...).</summary>
public sealed record ProcessEntry(int Pid, string Name, char State);
