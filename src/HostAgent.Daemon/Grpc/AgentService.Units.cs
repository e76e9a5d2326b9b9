using HostAgent.Contracts.V1;
using HostAgent.Core.Units;
using global::Grpc.Core;

namespace HostAgent.Daemon.Grpc;

/// <summary>ControlUnit: an operator's start, restart or reload of a followed unit, through the service manager.</summary>
public sealed partial class AgentService
{
    public override async Task<ControlUnitResponse> ControlUnit(ControlUnitRequest request, ServerCallContext context)
    {
        // Only units the agent follows: the API socket must not become a way to control arbitrary units.
        var followed = _units.Find(request.Unit) ?? throw new RpcException(new global::Grpc.Core.Status(
            StatusCode.InvalidArgument,
            $"unit: \"{request.Unit}\" is not followed by the agent; followed: {string.Join(", ", _units.Units.Select(u => u.Name))}"));
        var action = ProtoMapper.FromProto(request.Action) ?? throw new RpcException(new global::Grpc.Core.Status(
            StatusCode.InvalidArgument, "action: must be start, restart or reload-or-restart"));
        var manager = _serviceManager ?? throw new RpcException(new global::Grpc.Core.Status(
            StatusCode.FailedPrecondition, "no service manager: systemd is not reachable on the system bus"));

        var started = _time.GetTimestamp();
        UnitJobResult result;
        UnitState? state;
        try
        {
            result = await manager.RunAsync(action, followed.Name, context.CancellationToken).ConfigureAwait(false);
            state = await manager.GetStateAsync(followed.Name, context.CancellationToken).ConfigureAwait(false);
        }
        catch (UnitControlException exception)
        {
            throw new RpcException(new global::Grpc.Core.Status(exception.NoSuchUnit ? StatusCode.NotFound : StatusCode.FailedPrecondition, exception.Message));
        }
        return new ControlUnitResponse
        {
            Unit = followed.Name,
            Action = request.Action,
            Result = result.ToString().ToLowerInvariant(),
            DurationMs = _time.GetElapsedTime(started).TotalMilliseconds,
            State = ProtoMapper.ToProto(followed with { State = state, Since = null }),
        };
    }
}
