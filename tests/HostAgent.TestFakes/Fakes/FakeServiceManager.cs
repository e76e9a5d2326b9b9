using System.Collections.Concurrent;
using HostAgent.Core.Units;

namespace HostAgent.TestFakes;

/// <summary>
/// A service manager in memory: jobs are recorded and answered with <see cref="NextResult"/>; a restart
/// drives the unit through the states systemd would, reported to the attached <see cref="FakeUnitMonitor"/>.
/// </summary>
public sealed class FakeServiceManager : IServiceManager
{
    private readonly ConcurrentDictionary<string, UnitState> _units = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _jobs = new();

    public FakeServiceManager(FakeUnitMonitor? monitor = null)
    {
        Monitor = monitor;
    }

    public string Kind => "systemd";

    public FakeUnitMonitor? Monitor { get; }

    /// <summary>The result of every following job.</summary>
    public UnitJobResult NextResult { get; set; } = UnitJobResult.Done;

    /// <summary>Jobs asked for, e.g. "restart rsyslog.service".</summary>
    public IReadOnlyList<string> Jobs => [.. _jobs];

    public void SetUnit(UnitState state)
    {
        _units[state.Unit] = state;
        Monitor?.Report(state);
    }

    public Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken) => RunAsync(UnitAction.Start, unit, [("activating", "start")]);

    public Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken) =>
        RunAsync(UnitAction.Restart, unit, [("deactivating", "stop-sigterm"), ("activating", "start")]);

    public Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken) =>
        RunAsync(UnitAction.ReloadOrRestart, unit, [("reloading", "reload")]);

    public Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken) =>
        Task.FromResult(_units.TryGetValue(unit, out var state) && !state.IsNotFound ? state : null);

    private Task<UnitJobResult> RunAsync(UnitAction action, string unit, (string Active, string Sub)[] passage)
    {
        _jobs.Enqueue($"{action.Name()} {unit}");
        if (!_units.ContainsKey(unit))
        {
            throw new UnitControlException($"Unit {unit} not found.") { NoSuchUnit = true };
        }
        foreach (var (active, sub) in passage)
        {
            SetUnit(new UnitState(unit, active, sub));
        }
        SetUnit(NextResult == UnitJobResult.Done ? new UnitState(unit, "active", "running") : new UnitState(unit, "failed", "failed"));
        return Task.FromResult(NextResult);
    }
}
