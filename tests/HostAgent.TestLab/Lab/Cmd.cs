using System.Diagnostics;

namespace HostAgent.TestLab;

/// <summary>Runs a program with an argument list (never through a shell) and captures its output.</summary>
public static class Cmd
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs and returns whatever happened.</summary>
    public static CmdResult Run(string fileName, params IReadOnlyList<string> arguments) =>
        RunWithEnvironment(fileName, arguments, []);

    /// <summary>Runs with a longer limit than the default 30 s, for slow tools such as debootstrap.</summary>
    public static CmdResult RunWithTimeout(TimeSpan timeout, string fileName, params IReadOnlyList<string> arguments) =>
        RunWithEnvironment(fileName, arguments, [], timeout);

    /// <summary>Runs with extra environment variables and returns whatever happened.</summary>
    public static CmdResult RunWithEnvironment(string fileName, IReadOnlyList<string> arguments, Dictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        var commandLine = string.Join(' ', [fileName, .. arguments]);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {commandLine}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish within {limit.TotalSeconds:0} s");
        }
        return new CmdResult(commandLine, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs and throws, with both output streams, when the exit code is not 0.</summary>
    public static CmdResult Check(string fileName, params IReadOnlyList<string> arguments)
    {
        var result = Run(fileName, arguments);
        return result.Succeeded
            ? result
            : throw new InvalidOperationException(
                $"{result.CommandLine} exited with {result.ExitCode}{Environment.NewLine}stdout: {result.StdOut}{Environment.NewLine}stderr: {result.StdErr}");
    }
}
