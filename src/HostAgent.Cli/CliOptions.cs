namespace HostAgent.Cli;

/// <summary>Parsed hostagentctl arguments.</summary>
public sealed record CliOptions(string Command, IReadOnlyList<string> Components, string Socket, bool Json)
{
    public const string DefaultSocket = "/run/hostagent/hostagent.sock";

    public const string Usage = """
        Usage: hostagentctl [--socket PATH] [--json] COMMAND [COMPONENT...]

        Commands:
          status      Every component: in sync or not, desired and observed state, last plan,
                      findings, last error, last change, drift count. Exit 0.
          plan        Dry run: observe and plan now, change nothing. Exit 0 when nothing would
                      change, 3 when actions are planned or a conflict was found.
          reconcile   Observe, plan and apply now (observe-only components apply nothing) and
                      show what was done. Exit 0 when in sync afterwards, 3 otherwise.
          reload      Ask the agent to re-read its config file. Exit 0 when accepted; 1 when
                      rejected (the problems are printed; the running config stays in force).
          watch       Follow the agent's events (drift, actions, errors, reloads) until Ctrl-C.

        COMPONENT limits the command to the named components (e.g. network); default: all.

        Options:
          --socket PATH  The agent's gRPC unix socket (default /run/hostagent/hostagent.sock,
                         or $HOSTAGENT_SOCKET).
          --json         Print the API response as JSON (one object per line for watch).
          --help         Show this text.

        Exit status 1 means the agent could not be reached or answered with an error; 2 a usage error.
        """;

    private static readonly string[] Commands = ["status", "plan", "reconcile", "reload", "watch"];

    public static bool TryParse(IReadOnlyList<string> args, out CliOptions? options, out string? error)
    {
        var socket = Environment.GetEnvironmentVariable("HOSTAGENT_SOCKET") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultSocket;
        var json = false;
        string? command = null;
        var components = new List<string>();
        options = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    command = "help";
                    break;
                case "--json":
                    json = true;
                    break;
                case "--socket":
                    if (i + 1 >= args.Count || args[i + 1].Length == 0)
                    {
                        error = "--socket needs a path";
                        return false;
                    }
                    socket = args[++i];
                    break;
                case var option when option.StartsWith('-'):
                    error = $"unknown option \"{option}\"";
                    return false;
                case var word when command is null:
                    if (!Commands.Contains(word))
                    {
                        error = $"unknown command \"{word}\"; commands: {string.Join(", ", Commands)}";
                        return false;
                    }
                    command = word;
                    break;
                case var word:
                    if (command == "reload")
                    {
                        error = "reload takes no component names";
                        return false;
                    }
                    components.Add(word);
                    break;
            }
        }
        if (command is null)
        {
            error = "a command is needed: " + string.Join(", ", Commands);
            return false;
        }
        options = new CliOptions(command, components, socket, json);
        error = null;
        return true;
    }
}
