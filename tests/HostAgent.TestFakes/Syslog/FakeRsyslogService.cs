using HostAgent.Core.Units;

namespace HostAgent.TestFakes;

/// <summary>
/// rsyslog's unit in memory: start and restart bring up a fresh socket at the path (a new inode), as rsyslogd
/// or a holder would; the jobs asked for are recorded.
/// </summary>
public sealed class FakeRsyslogService : IServiceManager
{
    private readonly FakeSocketDirectory _directory;
    private readonly string _socketPath;
    private readonly Dictionary<string, UnitState> _units = new(StringComparer.Ordinal);

    public FakeRsyslogService(FakeSocketDirectory directory, string socketPath, string kind = "process")
    {
        _directory = directory;
        _socketPath = socketPath;
        Kind = kind;
    }

    public string Kind { get; }

    public List<string> Jobs { get; } = [];

    public UnitJobResult NextResult { get; set; } = UnitJobResult.Done;

    public void SetUnit(string unit, string active, string sub) => _units[unit] = new UnitState(unit, active, sub);

    public Task<UnitJobResult> StartAsync(string unit, CancellationToken cancellationToken) => Run("start", unit);

    public Task<UnitJobResult> RestartAsync(string unit, CancellationToken cancellationToken) => Run("restart", unit);

    public Task<UnitJobResult> ReloadOrRestartAsync(string unit, CancellationToken cancellationToken) => Run("reload-or-restart", unit);

    public Task<UnitState?> GetStateAsync(string unit, CancellationToken cancellationToken) =>
        Task.FromResult(_units.TryGetValue(unit, out var state) ? state : null);

    private Task<UnitJobResult> Run(string job, string unit)
    {
        Jobs.Add($"{job} {unit}");
        if (NextResult != UnitJobResult.Done)
        {
            SetUnit(unit, "failed", "failed");
            return Task.FromResult(NextResult);
        }
        SetUnit(unit, "active", unit.EndsWith(".socket", StringComparison.Ordinal) ? "listening" : "running");
        if (!unit.EndsWith(".socket", StringComparison.Ordinal) && Path.GetDirectoryName(_socketPath) is { } directory && _directory.Observe(directory, false).Exists)
        {
            _directory.PutSocket(_socketPath);
        }
        return Task.FromResult(UnitJobResult.Done);
    }
}
