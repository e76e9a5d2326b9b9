using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using HostAgent.Contracts;
using HostAgent.Contracts.V1;


namespace HostAgent.TestLab.Daemon;

/// <summary>
/// The real hostagent binary running inside a test namespace (`ip netns exec`), with its own config
/// file and gRPC socket in a temporary directory. Dispose stops it and removes the directory.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TestNetns _netns;
    private readonly string _binary;
    private Process? _process;
    private GrpcChannel? _channel;

    public AgentProcess(TestNetns netns, string configJson, string flavor = AgentBinary.Aot)
    {
        _netns = netns;
        _binary = AgentBinary.Resolve(flavor);
        Directory = System.IO.Directory.CreateTempSubdirectory("hostagent-test-").FullName;
        SocketPath = Path.Combine(Directory, "agent.sock");
        ConfigPath = Path.Combine(Directory, "hostagent.json");
        WriteConfig(configJson);
    }

    public string Directory { get; }

    public string SocketPath { get; }

    public string ConfigPath { get; }

    public string Output => string.Join('\n', _output);

    public Agent.AgentClient Client { get; private set; } = null!;

    public int Pid => _process?.Id ?? 0;

    /// <summary>Writes the config with this agent's socket path filled in for "SOCKET".</summary>
    public void WriteConfig(string configJson) =>
        File.WriteAllText(ConfigPath, configJson.Replace("SOCKET", SocketPath, StringComparison.Ordinal));

    /// <summary>Starts the agent and waits until every component has finished its first run.</summary>
    /// <param name="hangupIgnored">Start it as nohup does, with SIGHUP ignored (a disposition exec keeps).</param>
    public GetStatusResponse Start(bool hangupIgnored = false)
    {
        var start = new ProcessStartInfo(hangupIgnored ? "/bin/sh" : "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The shell execs, so the agent keeps its process id either way.
        var shell = hangupIgnored ? new[] { "-c", "trap '' HUP; exec \"$@\"", "sh", "ip" } : [];
        foreach (var argument in shell.Concat(["netns", "exec", _netns.Name, _binary, "--config", ConfigPath]))
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + _binary);
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Connect();
        GetStatusResponse? status = null;
        var ready = Lab.WaitUntil(
            () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"hostagent exited with {_process.ExitCode}:\n{Output}");
                }
                status = TryStatus();
                return status is not null && status.Components.All(c => c.Runs > 0);
            },
            TimeSpan.FromSeconds(20));
        return ready ? status! : throw new TimeoutException("hostagent did not finish its first reconcile in 20 s:\n" + Output);
    }

    public GetStatusResponse Status(params string[] components)
    {
        var request = new GetStatusRequest();
        request.Components.AddRange(components);
        return Client.GetStatus(request, deadline: DateTime.UtcNow.AddSeconds(10));
    }

    public ComponentStatus Network() => Status("network").Components.Single();

    /// <summary>SIGTERM, then wait for a clean exit; returns the exit code.</summary>
    public int Stop()
    {
        if (_process is null || _process.HasExited)
        {
            return _process?.ExitCode ?? 0;
        }
        Cmd.Check("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            _process.Kill();
            throw new TimeoutException("hostagent did not stop within 15 s of SIGTERM:\n" + Output);
        }
        _process.WaitForExit();
        _channel?.Dispose();
        _channel = null;
        return _process.ExitCode;
    }

    public void Signal(string signal) =>
        Cmd.Check("kill", "-" + signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The agent's pending, blocked, ignored and caught signal masks, for a failure message.</summary>
    public string SignalMasks() => string.Join(' ', File.ReadAllLines($"/proc/{_process!.Id}/status")
        .Where(static l => l.StartsWith("Sig", StringComparison.Ordinal) || l.StartsWith("ShdPnd", StringComparison.Ordinal)));

    public void Dispose()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process?.Dispose();
        _channel?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not hide the test's result.
        }
    }

    private GetStatusResponse? TryStatus()
    {
        try
        {
            return Client.GetStatus(new GetStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
        }
        catch (RpcException)
        {
            return null;
        }
    }

    private void Connect()
    {
        _channel = UnixSocketChannel.Create(SocketPath);
        Client = new Agent.AgentClient(_channel);
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
