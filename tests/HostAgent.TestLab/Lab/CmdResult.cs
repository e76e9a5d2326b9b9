namespace HostAgent.TestLab;

public sealed record CmdResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;
}
