using Google.Protobuf.WellKnownTypes;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Units;
using V1 = HostAgent.Contracts.V1;

namespace HostAgent.Daemon.Grpc;

/// <summary>Core types to API messages; the API is versioned, the core is free to change.</summary>
public static class ProtoMapper
{
    public static V1.Action ToProto(PlannedAction action) => new() { Kind = action.Kind, Description = action.Description };

    public static V1.ComponentStatus ToProto(ComponentStatus status)
    {
        var message = new V1.ComponentStatus
        {
            Name = status.Name,
            InSync = status.InSync,
            ObserveOnly = status.ObserveOnly,
            LastError = status.LastError ?? "",
            DriftCount = status.DriftCount,
            Runs = status.Runs,
            Failures = status.Failures,
            LastRun = ToProto(status.LastRun),
            LastChange = ToProto(status.LastChange),
        };
        message.Desired.AddRange(status.Desired.Select(ToProto));
        message.Observed.AddRange(status.Observed.Select(ToProto));
        message.LastPlan.AddRange(status.LastPlan.Select(ToProto));
        message.Findings.AddRange(status.Findings.Select(f => f.ToString()));
        return message;
    }

    public static V1.ComponentPlan ToProto(string component, ComponentPlan plan)
    {
        var message = new V1.ComponentPlan { Component = component, InSync = plan.Plan.InSync };
        message.Actions.AddRange(plan.Plan.Actions.Select(ToProto));
        message.Findings.AddRange(plan.Plan.Findings.Select(f => f.ToString()));
        return message;
    }

    public static V1.ComponentResult ToProto(ComponentResult result)
    {
        var message = new V1.ComponentResult
        {
            Component = result.Component,
            InSync = result.InSync,
            Error = result.Error ?? "",
            DurationMs = result.Duration.TotalMilliseconds,
        };
        message.Applied.AddRange(result.Applied.Select(ToProto));
        message.Skipped.AddRange(result.Skipped.Select(ToProto));
        message.Findings.AddRange(result.Findings.Select(f => f.ToString()));
        return message;
    }

    public static V1.Event ToProto(AgentEvent agentEvent)
    {
        var message = new V1.Event
        {
            Time = Timestamp.FromDateTimeOffset(agentEvent.Time),
            Kind = agentEvent.Kind switch
            {
                AgentEventKind.DriftDetected => V1.EventKind.DriftDetected,
                AgentEventKind.ActionApplied => V1.EventKind.ActionApplied,
                AgentEventKind.Error => V1.EventKind.Error,
                AgentEventKind.ConfigReloaded => V1.EventKind.ConfigReloaded,
                AgentEventKind.ConfigRejected => V1.EventKind.ConfigRejected,
                AgentEventKind.InSync => V1.EventKind.InSync,
                AgentEventKind.UnitStateChanged => V1.EventKind.UnitStateChanged,
                AgentEventKind.Notice => V1.EventKind.Notice,
                _ => V1.EventKind.Unspecified,
            },
            Component = agentEvent.Component ?? "",
            Message = agentEvent.Message,
            Unit = agentEvent.Unit ?? "",
        };
        message.Actions.AddRange(agentEvent.Actions.Select(ToProto));
        return message;
    }

    public static V1.UnitsStatus ToProto(string manager, IEnumerable<FollowedUnit> units)
    {
        var message = new V1.UnitsStatus { Manager = manager };
        message.Units.AddRange(units.Select(ToProto));
        return message;
    }

    public static V1.UnitStatus ToProto(FollowedUnit unit) => new()
    {
        Name = unit.Name,
        LoadState = unit.State?.LoadState ?? "",
        ActiveState = unit.State?.ActiveState ?? "",
        SubState = unit.State?.SubState ?? "",
        Since = ToProto(unit.Since),
        Owner = unit.Owner ?? "",
    };

    public static UnitAction? FromProto(V1.UnitAction action) => action switch
    {
        V1.UnitAction.Start => UnitAction.Start,
        V1.UnitAction.Restart => UnitAction.Restart,
        V1.UnitAction.ReloadOrRestart => UnitAction.ReloadOrRestart,
        _ => null,
    };

    private static V1.Field ToProto(StateField field) => new() { Name = field.Name, Value = field.Value };

    private static Timestamp? ToProto(DateTimeOffset? time) => time is null ? null : Timestamp.FromDateTimeOffset(time.Value);
}
