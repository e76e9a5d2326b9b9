using HostAgent.Contracts.V1;

namespace HostAgent.Cli;

/// <summary>hostagentctl bgp, drain and undrain.</summary>
public static class BgpCommands
{
    public static async Task<int> RunAsync(CliOptions options, Agent.AgentClient client, TextWriter output, CancellationToken cancellationToken)
    {
        switch (options.Command)
        {
            case "bgp":
            {
                var request = new GetBgpStatusRequest();
                request.Neighbors.AddRange(options.Components);
                var status = await client.GetBgpStatusAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                CliRunner.Write(options, status, output, BgpPrinter.Print);
                return Healthy(status) ? CliRunner.ExitOk : CliRunner.ExitNotInSync;
            }
            case "drain":
            {
                var result = await client.DrainAsync(new DrainRequest { WithdrawDelay = options.WithdrawDelay }, cancellationToken: cancellationToken).ConfigureAwait(false);
                CliRunner.Write(options, result, output, BgpPrinter.Print);
                return result.Result.Error.Length == 0 && result.Result.InSync ? CliRunner.ExitOk : CliRunner.ExitNotInSync;
            }
            default:
            {
                var result = await client.UndrainAsync(new UndrainRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
                CliRunner.Write(options, result, output, BgpPrinter.Print);
                return result.Result.Error.Length == 0 && result.Result.InSync ? CliRunner.ExitOk : CliRunner.ExitNotInSync;
            }
        }
    }

    /// <summary>bgpd runs, its config is the agent's, every session is up and every neighbor is sent what it should be.</summary>
    public static bool Healthy(GetBgpStatusResponse status) =>
        status.DaemonRunning && status.Problem.Length == 0 && status.ConfigAccepted && status.PendingChanges == 0
        && status.Neighbors.All(static n => n.Established && n.Missing.Count == 0 && n.Extra.Count == 0);
}
