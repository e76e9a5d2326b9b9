using System.Diagnostics;

namespace HostAgent.Bench.Lab;

/// <summary>
/// A long-running process inside a bench node, started through <c>ip netns exec</c>, which execs the program:
/// <see cref="Id"/> is the program's own pid once the exec has happened.
/// </summary>
internal sealed class NodeProcess
{
    private const int HeadLines = 40;
    private const int TailLines = 40;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<string> _firstReconcile = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    private NodeProcess(string label, Process process)
    {
        Label = label;
        _process = process;
    }

    public string Label { get; }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; private set; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The largest file mappings when memory was first sampled, for the report.</summary>
    public IReadOnlyList<(string File, long RssKb)> Mappings { get; set; } = [];

    /// <summary>The agent's own "first reconcile finished" log line.</summary>
    public Task<string> FirstReconcileLine => _firstReconcile.Task;

    public static NodeProcess Start(
        string label, string networkNamespace, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "netns", "exec", networkNamespace, file }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }
        // ip netns exec passes its environment on to the program.
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info };
        var started = new NodeProcess(label, process);
        process.OutputDataReceived += (_, e) => started.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => started.OnLine(e.Data);
        started.StartedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public ProcSample Sample()
    {
        var sample = ProcSample.Read(Id);
        if (sample.Name == "ip")
        {
            throw new InvalidOperationException($"{Label}: pid {Id} is still the ip launcher");
        }
        return sample;
    }

    /// <summary>The first and last lines the process wrote, for error messages.</summary>
    public string Output()
    {
        lock (_lock)
        {
            var tail = _tail.Count > 0 ? "\n    ...\n    " + string.Join("\n    ", _tail) : "";
            return string.Join("\n    ", _head) + tail;
        }
    }

    /// <summary>Throws with the process's output when it has died, which would otherwise look like a hang.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Label} exited with {_process.ExitCode}:\n    {Output()}");
        }
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        try
        {
            if (_process.HasExited)
            {
                return;
            }
            Native.Kill(_process.Id, Native.SigTerm);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"bench: {Label} (pid {_process.Id}) ignored SIGTERM for {StopTimeout.TotalSeconds} s; killing it");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>For the exit handler: no waiting on anything asynchronous.</summary>
    public void KillNow()
    {
        if (_stopped)
        {
            return;
        }
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
            // Already reaped or disposed: nothing left to kill.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.Contains("first reconcile finished", StringComparison.Ordinal))
        {
            _firstReconcile.TrySetResult(line);
        }
        lock (_lock)
        {
            if (_head.Count < HeadLines)
            {
                _head.Add(line);
                return;
            }
            if (_tail.Count == TailLines)
            {
                _tail.Dequeue();
            }
            _tail.Enqueue(line);
        }
    }
}
