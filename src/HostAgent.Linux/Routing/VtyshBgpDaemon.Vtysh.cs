using HostAgent.Core.Routing;

namespace HostAgent.Linux.Routing;

/// <summary>vtysh calls: show, configure, wait for an answer. Always "-d bgpd": the agent owns bgpd's config, not zebra's.</summary>
public sealed partial class VtyshBgpDaemon
{
    public async Task<IReadOnlyList<string?>> ShowAsync(BgpTooling tooling, IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        var arguments = VtyshOptions(tooling);
        arguments.AddRange(["-d", "bgpd", "-E"]);
        foreach (var command in commands)
        {
            arguments.Add("-c");
            arguments.Add(command);
        }
        var result = await RunAsync(tooling.VtyshPath, arguments, cancellationToken).ConfigureAwait(false);
        var outputs = VtyshEcho.Split(result.Output, commands);
        if (outputs.All(static o => o is null))
        {
            throw new BgpDaemonException($"vtysh could not read from bgpd: {ToResult(result).Message}");
        }
        return outputs;
    }

    public async Task<VtyshResult> ConfigureAsync(
        BgpTooling tooling, IReadOnlyList<string> commands, IReadOnlyList<string> afterwards, CancellationToken cancellationToken)
    {
        var arguments = VtyshOptions(tooling);
        arguments.AddRange(["-d", "bgpd"]);
        if (commands.Count > 0)
        {
            arguments.AddRange(["-c", "configure terminal"]);
            foreach (var command in commands)
            {
                arguments.Add("-c");
                arguments.Add(command);
            }
            arguments.AddRange(["-c", "end"]);
        }
        foreach (var command in afterwards)
        {
            arguments.Add("-c");
            arguments.Add(command);
        }
        return ToResult(await RunAsync(tooling.VtyshPath, arguments, cancellationToken).ConfigureAwait(false));
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
}
