using HostAgent.Core.Units;

namespace HostAgent.TestFakes;

/// <summary>A unit monitor a test drives: reports states of the followed units it is told about.</summary>
public sealed class FakeUnitMonitor : IUnitMonitor
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, UnitState> _known = new(StringComparer.Ordinal);
    private IReadOnlyCollection<string> _followed = [];
    private Action<UnitState>? _onState;
    private Action<Exception>? _onError;

    /// <summary>The units of the last FollowAsync call.</summary>
    public IReadOnlyCollection<string> Followed
    {
        get
        {
            lock (_lock)
            {
                return _followed;
            }
        }
    }

    public void Start(Action<UnitState> onState, Action<Exception> onError)
    {
        _onState = onState;
        _onError = onError;
    }

    public Task FollowAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken)
    {
        List<UnitState> current;
        lock (_lock)
        {
            _followed = [.. units];
            current = [.. units.Select(u => _known.TryGetValue(u, out var s) ? s : new UnitState(u, "inactive", "dead", "not-found"))];
        }
        foreach (var state in current)
        {
            _onState?.Invoke(state);
        }
        return Task.CompletedTask;
    }

    /// <summary>A unit changed state, as a PropertiesChanged signal would say; reported when followed.</summary>
    public void Report(UnitState state)
    {
        bool followed;
        lock (_lock)
        {
            _known[state.Unit] = state;
            followed = _followed.Contains(state.Unit);
        }
        if (followed)
        {
            _onState?.Invoke(state);
        }
    }

    /// <summary>The bus connection broke.</summary>
    public void Fail(Exception exception) => _onError?.Invoke(exception);

    public void Dispose()
    {
    }
}
