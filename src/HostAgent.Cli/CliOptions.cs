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
          watch       Follow the agent's events (drift, actions, errors, reloads, unit state
                      changes) until Ctrl-C.
          unit ACTION UNIT
                      Have the agent start, restart or reload (reload-or-restart) a systemd unit
                      it follows, and wait for the job. Exit 0 when the job is done, 3 otherwise.
          bgp [NEIGHBOR...]
                      BGP: the daemon, each neighbor's session (state, uptime, prefixes received
                      and sent), what each is sent against what it should be, the drain, the
                      last apply. Exit 0 when bgpd runs, every session is up and nothing differs;
                      3 otherwise.
          drain [--withdraw-delay DURATION]
                      Maintenance: announce with GRACEFUL_SHUTDOWN (65535:0) so upstream moves
                      traffic away, then withdraw after the delay (default bgp.drainWithdrawDelay).
                      Kept across agent and bgpd restarts until undrain. Exit 0 when applied.
          undrain     End a drain: announce normally again. Exit 0 when applied.

        COMPONENT limits the command to the named components (e.g. network); default: all.

        Options:
          --socket PATH  The agent's gRPC unix socket (default /run/hostagent/hostagent.sock,
                         or $HOSTAGENT_SOCKET).
          --json         Print the API response as JSON (one object per line for watch).
          --withdraw-delay DURATION
                         With drain: how long to announce with GRACEFUL_SHUTDOWN before
                         withdrawing, e.g. 30s or 5m.
          --help         Show this text.

        Exit status 1 means the agent could not be reached or answered with an error; 2 a usage error.
        """;

    private static readonly string[] Commands = ["status", "plan", "reconcile", "reload", "watch", "unit", "bgp", "drain", "undrain"];

    /// <summary>With drain: the withdraw delay as written ("30s"); empty for the configured one.</summary>
    public string WithdrawDelay { get; init; } = "";

    /// <summary>The actions of the unit command, in the order usage lists them.</summary>
    public static IReadOnlyList<string> UnitActions { get; } = ["start", "restart", "reload"];

    public static bool TryParse(IReadOnlyList<string> args, out CliOptions? options, out string? error)
    {
        var socket = Environment.GetEnvironmentVariable("HOSTAGENT_SOCKET") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultSocket;
        var json = false;
        string? command = null;
        var components = new List<string>();
        var withdrawDelay = "";
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
                case "--withdraw-delay":
                    if (i + 1 >= args.Count || args[i + 1].Length == 0)
                    {
                        error = "--withdraw-delay needs a duration, such as 30s";
                        return false;
                    }
                    withdrawDelay = args[++i];
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
        // For unit, the words after the command are the action and the unit, not component names.
        if (command == "unit" && (components.Count != 2 || !UnitActions.Contains(components[0])))
        {
            error = $"unit needs an action ({string.Join(", ", UnitActions)}) and a unit name, e.g. unit restart rsyslog.service";
            return false;
        }
        if (command is "drain" or "undrain" && components.Count > 0)
        {
            error = $"{command} takes no arguments";
            return false;
        }
        if (withdrawDelay.Length > 0 && command != "drain")
        {
            error = "--withdraw-delay is an option of drain";
            return false;
        }
        options = new CliOptions(command, components, socket, json) { WithdrawDelay = withdrawDelay };
        error = null;
        return true;
    }
}
