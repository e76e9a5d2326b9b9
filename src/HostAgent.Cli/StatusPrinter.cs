using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using HostAgent.Contracts.V1;

namespace HostAgent.Cli;

/// <summary>Human-readable output of API responses.</summary>
public static class StatusPrinter
{
    public static void Print(GetStatusResponse status, TextWriter output)
    {
        var agent = status.Agent;
        output.WriteLine($"hostagent {agent.Version} on {agent.Hostname}, started {Time(agent.StartedAt)}{(agent.ObserveOnly ? ", OBSERVE-ONLY" : "")}");
        var config = status.Config;
        output.WriteLine($"config {config.Path}, loaded {Time(config.LoadedAt)}" +
            (config.LastReloadOk ? "" : $", LAST RELOAD REJECTED at {Time(config.LastReloadAt)} (previous config in force)"));
        foreach (var error in config.LastReloadErrors)
        {
            output.WriteLine($"  reload error: {error}");
        }
        foreach (var component in status.Components)
        {
            output.WriteLine();
            Print(component, output);
        }
        if (status.Units is { } units && units.Units.Count > 0)
        {
            output.WriteLine();
            Print(units, output);
        }
    }

    public static void Print(UnitsStatus units, TextWriter output)
    {
        // Only systemd reports unit states; the agent's own process control starts daemons but follows no unit.
        var followed = units.Manager == "systemd";
        output.WriteLine($"units ({units.Manager switch
        {
            "systemd" => "systemd",
            "none" => "not followed: no service manager",
            var manager => $"{manager}: states are followed only through systemd",
        }}):");
        foreach (var unit in units.Units)
        {
            var state = followed || unit.ActiveState.Length > 0 ? $"{UnitState(unit),-26} since {Time(unit.Since)}" : "not followed";
            output.WriteLine($"  {unit.Name,-28} {state}{(unit.Owner.Length > 0 ? $", owned by {unit.Owner}" : "")}");
        }
    }

    public static void Print(ControlUnitResponse result, TextWriter output)
    {
        var action = result.Action switch
        {
            UnitAction.Start => "start",
            UnitAction.Restart => "restart",
            _ => "reload-or-restart",
        };
        output.WriteLine($"{action} {result.Unit}: {result.Result} ({result.DurationMs.ToString("F0", CultureInfo.InvariantCulture)} ms); now {UnitState(result.State)}");
    }

    public static void Print(ComponentStatus component, TextWriter output)
    {
        var state = component.Runs == 0 ? "not run yet" : component.InSync ? "in sync" : "OUT OF SYNC";
        output.WriteLine($"{component.Name}: {state}{(component.ObserveOnly ? " (observe-only)" : "")}");
        output.WriteLine($"  runs {component.Runs}, failures {component.Failures}, drift events {component.DriftCount}, " +
            $"last run {Time(component.LastRun)}, last change {Time(component.LastChange)}");
        output.WriteLine("  desired:");
        PrintFields(component.Desired, output);
        output.WriteLine("  observed:");
        PrintFields(component.Observed, output);
        if (component.LastPlan.Count > 0)
        {
            output.WriteLine("  last plan:");
            PrintActions(component.LastPlan, "    ", output);
        }
        foreach (var finding in component.Findings)
        {
            output.WriteLine($"  finding: {finding}");
        }
        if (component.LastError.Length > 0)
        {
            output.WriteLine($"  last error: {component.LastError}");
        }
    }

    public static void Print(PlanResponse plan, TextWriter output)
    {
        foreach (var component in plan.Plans)
        {
            if (component.Error.Length > 0)
            {
                output.WriteLine($"{component.Component}: cannot plan: {component.Error}");
                continue;
            }
            output.WriteLine($"{component.Component}: {(component.Actions.Count == 0 ? "nothing to do" : $"{component.Actions.Count} action(s)")}");
            PrintActions(component.Actions, "  ", output);
            foreach (var finding in component.Findings)
            {
                output.WriteLine($"  finding: {finding}");
            }
        }
    }

    public static void Print(ReconcileResponse reconcile, TextWriter output)
    {
        foreach (var result in reconcile.Results)
        {
            var state = result.Error.Length > 0 ? "FAILED" : result.InSync ? "in sync" : "OUT OF SYNC";
            output.WriteLine($"{result.Component}: {state} ({result.DurationMs.ToString("F3", CultureInfo.InvariantCulture)} ms)");
            foreach (var action in result.Applied)
            {
                output.WriteLine($"  applied: {action.Description}");
            }
            foreach (var action in result.Skipped)
            {
                output.WriteLine($"  not applied (observe-only): {action.Description}");
            }
            foreach (var finding in result.Findings)
            {
                output.WriteLine($"  finding: {finding}");
            }
            if (result.Error.Length > 0)
            {
                output.WriteLine($"  error: {result.Error}");
            }
        }
    }

    public static void Print(Event agentEvent, TextWriter output)
    {
        var component = agentEvent.Component.Length > 0 ? agentEvent.Component + ": " : "";
        var kind = agentEvent.Kind.ToString();
        output.WriteLine($"{agentEvent.Time.ToDateTimeOffset():yyyy-MM-ddTHH:mm:ss.ffffffZ} {kind,-15} {component}{agentEvent.Message}");
    }

    private static void PrintFields(IEnumerable<HostAgent.Contracts.V1.Field> fields, TextWriter output)
    {
        foreach (var field in fields)
        {
            output.WriteLine($"    {field.Name,-28} {field.Value}");
        }
    }

    private static void PrintActions(IEnumerable<HostAgent.Contracts.V1.Action> actions, string indent, TextWriter output)
    {
        var n = 1;
        foreach (var action in actions)
        {
            output.WriteLine($"{indent}{n++}. {action.Description}");
        }
    }

    private static string UnitState(UnitStatus? unit) =>
        unit is null || unit.ActiveState.Length == 0 ? "unknown"
        : unit.LoadState == "not-found" ? "not installed"
        : $"{unit.ActiveState} ({unit.SubState})";

    private static string Time(Timestamp? time) =>
        time is null ? "never" : time.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
