namespace HostAgent.Core.Bgp;

/// <summary>
/// Collects config changes with the block each belongs to and writes them as one command sequence,
/// entering and leaving blocks explicitly so no command relies on the daemon's parent-node fallback.
/// </summary>
internal sealed class BgpScriptWriter
{
    private readonly List<string> _commands = [];
    private readonly List<string> _summary = [];
    private readonly List<string> _open = [];

    public int Count => _summary.Count;

    public bool PolicyChanged { get; private set; }

    public void Add(IReadOnlyList<string> context, string line, bool policy) => Emit(context, line, $"+ {ConfigLineKey.Mask(line)}", policy);

    public void Remove(IReadOnlyList<string> context, string line, bool policy) =>
        Emit(context, ConfigLineKey.Negate(line), $"- {ConfigLineKey.Mask(line)}", policy);

    /// <summary>Adds a line that opens a block (a new route map, router or address family) and stays in it.</summary>
    public void Open(IReadOnlyList<string> context, string header, bool policy)
    {
        Enter([.. context, header]);
        var where = context.Count == 0 ? "" : context[^1] + ": ";
        _summary.Add($"{where}+ {header}");
        PolicyChanged |= policy;
    }

    /// <summary>Whether a line enters a block in the daemon's CLI, so what follows it belongs to that block.</summary>
    public static bool OpensBlock(string line) =>
        line.StartsWith("route-map ", StringComparison.Ordinal) || line.StartsWith("router ", StringComparison.Ordinal)
        || line.StartsWith("address-family ", StringComparison.Ordinal);

    /// <summary>A command that is not the addition or removal of one line, such as "no neighbor A" for all its lines.</summary>
    public void Command(IReadOnlyList<string> context, string command, string summary, bool policy) => Emit(context, command, summary, policy);

    public BgpConfigChange Build()
    {
        Enter([]);
        return Count == 0 ? BgpConfigChange.None : new BgpConfigChange(string.Join('\n', _commands), string.Join("; ", _summary), Count, PolicyChanged);
    }

    private void Emit(IReadOnlyList<string> context, string command, string summary, bool policy)
    {
        Enter(context);
        _commands.Add(command);
        var where = context.Count == 0 ? "" : context[^1] + ": ";
        _summary.Add(where + summary);
        PolicyChanged |= policy;
    }

    /// <summary>Leaves the open blocks that are not part of <paramref name="context"/> and enters the rest of it.</summary>
    private void Enter(IReadOnlyList<string> context)
    {
        var common = 0;
        while (common < _open.Count && common < context.Count && _open[common] == context[common])
        {
            common++;
        }
        for (var i = _open.Count - 1; i >= common; i--)
        {
            _commands.Add(_open[i].StartsWith("address-family ", StringComparison.Ordinal) ? "exit-address-family" : "exit");
            _open.RemoveAt(i);
        }
        for (var i = common; i < context.Count; i++)
        {
            _commands.Add(context[i]);
            _open.Add(context[i]);
        }
    }
}
