namespace HostAgent.Linux.Processes;

/// <summary>A daemon run without systemd: the command that starts it (and detaches) and the pid file it writes.</summary>
public sealed record ProcessUnit(string Unit, IReadOnlyList<string> StartCommand, string PidFile, string ProcessName);
