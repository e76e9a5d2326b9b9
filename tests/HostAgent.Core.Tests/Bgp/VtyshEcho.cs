namespace HostAgent.Core.Tests.Bgp;

/// <summary>
/// Test data: splits the output of one "vtysh -E -c A -c B ..." call, where vtysh prints "host# A" before A's output,
/// into the output of each command.
/// </summary>
public static class VtyshEcho
{
    /// <returns>One entry per command, in order; null for a command whose echo line is missing (vtysh stopped before it).</returns>
    public static IReadOnlyList<string?> Split(string output, IReadOnlyList<string> commands)
    {
        var result = new string?[commands.Count];
        var lines = output.Split('\n');
        var current = -1;
        var collected = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var next = current + 1;
            if (next < commands.Count && line.EndsWith("# " + commands[next], StringComparison.Ordinal))
            {
                Close(result, current, collected);
                current = next;
                continue;
            }
            if (current >= 0)
            {
                collected.Add(line);
            }
        }
        Close(result, current, collected);
        return result;
    }

    private static void Close(string?[] result, int index, List<string> collected)
    {
        if (index >= 0)
        {
            result[index] = string.Join('\n', collected).Trim('\n');
        }
        collected.Clear();
    }
}
