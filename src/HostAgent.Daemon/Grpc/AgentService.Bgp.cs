using HostAgent.Contracts.V1;
using HostAgent.Core.Bgp;
using HostAgent.Core.Networking;
using HostAgent.Core.Reconcile;
using global::Grpc.Core;

namespace HostAgent.Daemon.Grpc;

/// <summary>The BGP calls: status, drain, undrain. Refused with FailedPrecondition when the config has no "bgp" section.</summary>
public sealed partial class AgentService
{
    public override async Task<GetBgpStatusResponse> GetBgpStatus(GetBgpStatusRequest request, ServerCallContext context)
    {
        var (bgp, runner) = Bgp(context);
        for (var i = 0; i < request.Neighbors.Count; i++)
        {
            var address = request.Neighbors[i];
            if (!Ipv4.TryParse(address, out _))
            {
                throw Invalid($"neighbors[{i}]: \"{address}\" is not an IPv4 address such as 192.168.77.1");
            }
            var configured = _config.Current.Bgp!.Neighbors.Select(static n => Ipv4.ToString(n.Address)).ToList();
            if (!configured.Contains(address))
            {
                throw Invalid($"neighbors[{i}]: {address} is not a configured neighbor; configured: {(configured.Count == 0 ? "none" : string.Join(", ", configured))}");
            }
        }
        // Observes now (a dry run), so the answer is as fresh as the daemon.
        var plan = await runner.PlanAsync(context.CancellationToken).ConfigureAwait(false);
        var status = bgp.Status ?? throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "bgp has not been observed yet"));
        var response = BgpProtoMapper.ToProto(status, request.Neighbors);
        response.Component = ProtoMapper.ToProto(runner.Status);
        response.Findings.AddRange(plan.Plan.Findings.Select(static f => f.ToString()));
        return response;
    }

    public override async Task<DrainResponse> Drain(DrainRequest request, ServerCallContext context)
    {
        var (bgp, runner) = Bgp(context);
        TimeSpan? delay = null;
        if (request.WithdrawDelay.Length > 0)
        {
            if (!BgpDrainDelay.TryParse(request.WithdrawDelay, out var parsed, out var error))
            {
                throw Invalid($"withdraw_delay: \"{request.WithdrawDelay}\": {error}");
            }
            delay = parsed;
        }
        var state = bgp.Drain(delay);
        var result = await runner.RunOnceAsync(apply: true, "drain", context.CancellationToken).ConfigureAwait(false);
        var settings = _config.Current.Bgp!;
        return new DrainResponse
        {
            Drain = BgpProtoMapper.ToProto(state, state.PhaseAt(_time.GetUtcNow(), settings.DrainWithdrawDelay), state.WithdrawAt(settings.DrainWithdrawDelay)),
            Result = ProtoMapper.ToProto(result),
        };
    }

    public override async Task<UndrainResponse> Undrain(UndrainRequest request, ServerCallContext context)
    {
        var (bgp, runner) = Bgp(context);
        var state = bgp.Undrain();
        var result = await runner.RunOnceAsync(apply: true, "undrain", context.CancellationToken).ConfigureAwait(false);
        return new UndrainResponse
        {
            Drain = BgpProtoMapper.ToProto(state, DrainPhase.Active, null),
            Result = ProtoMapper.ToProto(result),
        };
    }

    /// <summary>The BGP component and its loop; the component exists only when the agent started with a "bgp" section.</summary>
    private (BgpComponent Component, ComponentRunner Runner) Bgp(ServerCallContext context)
    {
        var component = context.GetHttpContext().RequestServices.GetService<BgpComponent>();
        var runner = _reconciler.Find(BgpComponent.ComponentName);
        if (component is null || runner is null || _config.Current.Bgp is null)
        {
            throw new RpcException(new global::Grpc.Core.Status(
                StatusCode.FailedPrecondition,
                "bgp is not configured: the agent's config has no \"bgp\" section (add one and restart the agent)"));
        }
        return (component, runner);
    }

    private static RpcException Invalid(string detail) => new(new global::Grpc.Core.Status(StatusCode.InvalidArgument, detail));
}
