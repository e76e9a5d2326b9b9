using HostAgent.Core.Bgp;

namespace HostAgent.Linux.Bgp;

/// <summary>
/// Reading and changing bgpd through its own vty socket, as vtysh does but without starting a vtysh per call
/// (about 25 ms each here, against well under a millisecond per command on the socket). Only bgpd: the agent
/// owns bgpd's config, not zebra's.
/// </summary>
public sealed partial class VtyBgpDaemon
{
    public Task<IReadOnlyList<string?>> ShowAsync(BgpTooling tooling, IReadOnlyList<string> commands, CancellationToken cancellationToken) =>
        WithDeadlineAsync(tooling, deadline => ShowOnceAsync(tooling, commands, deadline), cancellationToken);

    public Task<VtyshResult> ConfigureAsync(
        BgpTooling tooling, IReadOnlyList<string> commands, IReadOnlyList<string> afterwards, CancellationToken cancellationToken) =>
        WithDeadlineAsync(tooling, deadline => ConfigureOnceAsync(tooling, commands, afterwards, deadline), cancellationToken);

    private static async Task<IReadOnlyList<string?>> ShowOnceAsync(BgpTooling tooling, IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        using var vty = await VtyConnection.ConnectAsync(tooling.BgpdVtySocket, cancellationToken).ConfigureAwait(false);
        var outputs = new string?[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            try
            {
                // A show command that finds nothing ("% No such neighbor") still answers: its text is the output.
                outputs[i] = (await vty.RunAsync(commands[i], cancellationToken).ConfigureAwait(false)).Output.Trim('\n');
            }
            catch (BgpDaemonException) when (i > 0)
            {
                // bgpd went away part way: what it answered stands, the rest is unknown.
                break;
            }
        }
        return outputs;
    }

    private async Task<VtyshResult> ConfigureOnceAsync(
        BgpTooling tooling, IReadOnlyList<string> commands, IReadOnlyList<string> afterwards, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var vty = await VtyConnection.ConnectAsync(tooling.BgpdVtySocket, cancellationToken).ConfigureAwait(false);
        var output = new List<string>();
        var lines = commands.Count > 0 ? ["configure terminal", .. commands, "end", .. afterwards] : afterwards;
        foreach (var line in lines)
        {
            var reply = await vty.RunAsync(line, cancellationToken).ConfigureAwait(false);
            if (reply.Output.Length > 0)
            {
                output.Add(reply.Output.TrimEnd('\n'));
            }
            if (!reply.Succeeded)
            {
                // Like vtysh, stop at the first refusal; closing the connection leaves config mode.
                return new VtyshResult(reply.Status, string.Join('\n', output), $"bgpd refused \"{line}\" (status {reply.Status})", _time.GetElapsedTime(started));
            }
        }
        return new VtyshResult(0, string.Join('\n', output), "", _time.GetElapsedTime(started));
    }

    public async Task<bool> WaitUntilAnsweringAsync(BgpTooling tooling, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (Probe(tooling).Running)
                {
                    try
                    {
                        // bgpd reads its file before it opens its vty socket: once it answers, its config is in.
                        var outputs = await ShowAsync(tooling, [BgpShowCommands.RunningConfig], deadline.Token).ConfigureAwait(false);
                        if (outputs[0] is not null)
                        {
                            return true;
                        }
                    }
                    catch (BgpDaemonException)
                    {
                        // Not listening yet.
                    }
                }
                await Task.Delay(PollInterval, _time, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A daemon that takes longer than <see cref="ToolTimeout"/> to answer is stuck: the call fails instead of hanging.</summary>
    private static async Task<T> WithDeadlineAsync<T>(BgpTooling tooling, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ToolTimeout);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BgpDaemonException($"bgpd did not answer on {tooling.BgpdVtySocket} within {ToolTimeout.TotalSeconds:0} s");
        }
    }
}
