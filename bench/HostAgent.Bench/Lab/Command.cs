using System.Diagnostics;

namespace HostAgent.Bench.Lab;

/// <summary>Short-lived helper commands such as <c>ip netns add</c>.</summary>
internal static class Command
{
    public static async Task RunAsync(string file, params string[] arguments)
    {
        var (exitCode, output) = await TryRunAsync(file, arguments).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {exitCode}: {output.Trim()}");
        }
    }

    /// <summary>Standard output of a short command, waited for synchronously (also usable on the way out); "" on failure.</summary>
    public static string Output(string file, params string[] arguments)
    {
        try
        {
            using var process = Start(file, arguments);
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return output;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"bench: {file} {string.Join(' ', arguments)}: {exception.Message}");
            return "";
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string file, params string[] arguments)
    {
        using var process = Start(file, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary>For clean-up on the way out, where nothing may be awaited.</summary>
    public static void RunQuietly(string file, params string[] arguments)
    {
        try
        {
            using var process = Start(file, arguments);
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"bench: {file} {string.Join(' ', arguments)}: {exception.Message}");
        }
    }

    private static Process Start(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
    }
}
