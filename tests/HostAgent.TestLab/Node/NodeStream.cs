using System.Diagnostics;

namespace HostAgent.TestLab.Node;

/// <summary>The output lines of a running program (e.g. hostagentctl watch in a node), for a test to wait on.</summary>
public sealed class NodeStream : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private NodeStream(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static NodeStream Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var stream = new NodeStream(Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}"));
        stream._process.OutputDataReceived += (_, e) => stream.Add(e.Data);
        stream._process.ErrorDataReceived += (_, e) => stream.Add(e.Data);
        stream._process.BeginOutputReadLine();
        stream._process.BeginErrorReadLine();
        return stream;
    }

    /// <summary>Waits until a line matches; false when none did within <paramref name="timeout"/>.</summary>
    public bool WaitFor(Func<string, bool> match, TimeSpan timeout) => Lab.WaitUntil(() => Lines.Any(match), timeout);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
