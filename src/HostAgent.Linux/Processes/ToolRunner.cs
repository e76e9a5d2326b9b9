using System.ComponentModel;
using System.Diagnostics;

namespace HostAgent.Linux.Processes;

/// <summary>
/// Runs a program with an argument list, never through a shell, so no argument is ever parsed as shell
/// syntax; stdin is closed, both streams captured, and a run that outlives its timeout is killed.
/// </summary>
public static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var started = Stopwatch.GetTimestamp();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new IOException($"cannot run {program}: {exception.Message}", exception);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process);
            if (!timedOut)
            {
                throw;
            }
        }
        // A daemonizing child can keep the pipes open; its output is not waited for past the exit.
        var outputText = await ReadOrEmptyAsync(output).ConfigureAwait(false);
        var errorText = await ReadOrEmptyAsync(error).ConfigureAwait(false);
        return new ToolResult(timedOut ? -1 : process.ExitCode, outputText, errorText, Stopwatch.GetElapsedTime(started), timedOut);
    }

    private static async Task<string> ReadOrEmptyAsync(Task<string> read)
    {
        try
        {
            return await read.WaitAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
