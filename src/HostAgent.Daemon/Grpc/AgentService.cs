using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using HostAgent.Contracts.V1;
using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using HostAgent.Daemon.Hosting;
using global::Grpc.Core;

namespace HostAgent.Daemon.Grpc;

/// <summary>The agent's API: status, dry run, reconcile now, the event stream and config reload.</summary>
public sealed partial class AgentService : Agent.AgentBase
{
    private readonly Reconciler _reconciler;
    private readonly ConfigHolder _config;
    private readonly ConfigReloader _reloader;
    private readonly AgentIdentity _identity;
    private readonly UnitTracker _units;
    private readonly TimeProvider _time;
    private readonly IServiceManager? _serviceManager;

    public AgentService(
        Reconciler reconciler,
        ConfigHolder config,
        ConfigReloader reloader,
        AgentIdentity identity,
        UnitTracker units,
        TimeProvider time,
        IServiceManager? serviceManager = null)
    {
        _reconciler = reconciler;
        _config = config;
        _reloader = reloader;
        _identity = identity;
        _units = units;
        _time = time;
        _serviceManager = serviceManager;
    }

    public override Task<GetStatusResponse> GetStatus(GetStatusRequest request, ServerCallContext context)
    {
        var runners = Select(request.Components);
        var response = new GetStatusResponse
        {
            Agent = new AgentInfo
            {
                Version = _identity.Version,
                Hostname = _identity.Hostname,
                StartedAt = Timestamp.FromDateTimeOffset(_identity.StartedAt),
                ObserveOnly = _config.Current.Agent.ObserveOnly,
            },
            Config = new ConfigStatus
            {
                Path = _config.Path,
                LoadedAt = Timestamp.FromDateTimeOffset(_config.LoadedAt),
                LastReloadOk = _config.LastReloadOk,
                LastReloadAt = _config.LastReloadAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            },
        };
        response.Config.LastReloadErrors.AddRange(_config.LastReloadErrors.Select(e => e.ToString()));
        response.Components.AddRange(runners.Select(r => ProtoMapper.ToProto(r.Status)));
        response.Units = ProtoMapper.ToProto(_units.Manager, _units.Units);
        return Task.FromResult(response);
    }

    public override async Task<PlanResponse> Plan(PlanRequest request, ServerCallContext context)
    {
        var response = new PlanResponse();
        foreach (var runner in Select(request.Components))
        {
            try
            {
                var plan = await runner.PlanAsync(context.CancellationToken).ConfigureAwait(false);
                response.Plans.Add(ProtoMapper.ToProto(runner.Name, plan));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                response.Plans.Add(new HostAgent.Contracts.V1.ComponentPlan { Component = runner.Name, Error = exception.Message });
            }
        }
        return response;
    }

    public override async Task<ReconcileResponse> Reconcile(ReconcileRequest request, ServerCallContext context)
    {
        var response = new ReconcileResponse();
        foreach (var runner in Select(request.Components))
        {
            var result = await runner.RunOnceAsync(apply: true, "api", context.CancellationToken).ConfigureAwait(false);
            response.Results.Add(ProtoMapper.ToProto(result));
        }
        return response;
    }

    public override async Task Watch(WatchRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context)
    {
        var names = Select(request.Components).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        using var subscription = _reconciler.Events.Subscribe();
        // Headers go out once subscribed, so a client that awaits them knows no later event is missed.
        await context.WriteResponseHeadersAsync([]).ConfigureAwait(false);
        try
        {
            await foreach (var agentEvent in subscription.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (agentEvent.Component is null || names.Contains(agentEvent.Component))
                {
                    await responseStream.WriteAsync(ProtoMapper.ToProto(agentEvent), context.CancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
    }

    public override Task<ReloadConfigResponse> ReloadConfig(ReloadConfigRequest request, ServerCallContext context)
    {
        var outcome = _reloader.Reload();
        var response = new ReloadConfigResponse { Ok = outcome.Accepted };
        response.Errors.AddRange(outcome.Errors.Select(e => e.ToString()));
        response.Changed.AddRange(outcome.Changed);
        return Task.FromResult(response);
    }

    private IReadOnlyList<ComponentRunner> Select(RepeatedField<string> components)
    {
        if (!_reconciler.TrySelect(components, out var selected, out var unknown))
        {
            var index = components.IndexOf(unknown!);
            throw new RpcException(new global::Grpc.Core.Status(
                StatusCode.InvalidArgument,
                $"components[{index}]: unknown component \"{unknown}\"; known: {string.Join(", ", _reconciler.Names)}"));
        }
        return selected;
    }
}
