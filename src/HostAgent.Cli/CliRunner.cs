using Google.Protobuf;
using Grpc.Core;
using HostAgent.Contracts.V1;

namespace HostAgent.Cli;

/// <summary>Runs one hostagentctl command against an agent client; returns the exit status.</summary>
public static class CliRunner
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitNotInSync = 3;

    public static async Task<int> RunAsync(CliOptions options, Agent.AgentClient client, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            switch (options.Command)
            {
                case "status":
                {
                    var request = new GetStatusRequest();
                    request.Components.AddRange(options.Components);
                    var status = await client.GetStatusAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Write(options, status, output, StatusPrinter.Print);
                    return ExitOk;
                }
                case "plan":
                {
                    var request = new PlanRequest();
                    request.Components.AddRange(options.Components);
                    var plan = await client.PlanAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Write(options, plan, output, StatusPrinter.Print);
                    return plan.Plans.All(p => p.InSync && p.Error.Length == 0) ? ExitOk : ExitNotInSync;
                }
                case "reconcile":
                {
                    var request = new ReconcileRequest();
                    request.Components.AddRange(options.Components);
                    var result = await client.ReconcileAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Write(options, result, output, StatusPrinter.Print);
                    return result.Results.All(r => r.InSync) ? ExitOk : ExitNotInSync;
                }
                case "reload":
                {
                    var result = await client.ReloadConfigAsync(new ReloadConfigRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (options.Json)
                    {
                        output.WriteLine(JsonFormatter.Default.Format(result));
                    }
                    else if (result.Ok)
                    {
                        output.WriteLine($"config reloaded; changed: {(result.Changed.Count == 0 ? "nothing" : string.Join(", ", result.Changed))}");
                    }
                    else
                    {
                        errors.WriteLine("config rejected; the running config stays in force:");
                        foreach (var error in result.Errors)
                        {
                            errors.WriteLine($"  {error}");
                        }
                    }
                    return result.Ok ? ExitOk : ExitFailed;
                }
                case "watch":
                    return await WatchAsync(options, client, output, cancellationToken).ConfigureAwait(false);
                case "unit":
                {
                    var request = new ControlUnitRequest
                    {
                        Action = options.Components[0] switch
                        {
                            "start" => UnitAction.Start,
                            "restart" => UnitAction.Restart,
                            _ => UnitAction.ReloadOrRestart,
                        },
                        Unit = options.Components[1],
                    };
                    var result = await client.ControlUnitAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Write(options, result, output, StatusPrinter.Print);
                    return result.Result == "done" ? ExitOk : ExitNotInSync;
                }
                case "bgp" or "drain" or "undrain":
                    return await BgpCommands.RunAsync(options, client, output, cancellationToken).ConfigureAwait(false);
                default:
                    output.WriteLine(CliOptions.Usage);
                    return ExitOk;
            }
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            return ExitOk;
        }
        catch (RpcException exception)
        {
            errors.WriteLine(exception.StatusCode == StatusCode.Unavailable
                ? $"hostagentctl: cannot reach the agent at {options.Socket}: {exception.Status.Detail}"
                : $"hostagentctl: {exception.StatusCode}: {exception.Status.Detail}");
            return ExitFailed;
        }
    }

    private static async Task<int> WatchAsync(CliOptions options, Agent.AgentClient client, TextWriter output, CancellationToken cancellationToken)
    {
        var request = new WatchRequest();
        request.Components.AddRange(options.Components);
        using var call = client.Watch(request, cancellationToken: cancellationToken);
        try
        {
            await foreach (var agentEvent in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Write(options, agentEvent, output, StatusPrinter.Print);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return ExitOk;
    }

    internal static void Write<T>(CliOptions options, T message, TextWriter output, Action<T, TextWriter> print)
        where T : IMessage
    {
        if (options.Json)
        {
            output.WriteLine(JsonFormatter.Default.Format(message));
        }
        else
        {
            print(message, output);
        }
        output.Flush();
    }
}
