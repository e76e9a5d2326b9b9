namespace HostAgent.Daemon.Hosting;

public enum DaemonCommand
{
    Run,
    CheckConfig,
    Help,
    Version,
}

/// <summary>The daemon's arguments: a command and --config; anything else is an error, not ignored.</summary>
public sealed record DaemonCommandLine(DaemonCommand Command, string ConfigPath, bool PrintEffective)
{
    public const string Usage = """
        Usage: hostagent [run] [--config FILE]
               hostagent check-config [--config FILE] [--print]
               hostagent --help | --version

        Commands:
          run            Run the agent (the default): own the pod bridge, its gateway address and
                         the network sysctls, and with their config sections the logging pipeline
                         (syslog) and the BGP announcement (bgp); serve gRPC on agent.grpcSocket and
                         /metrics on agent.metricsListen. SIGHUP re-reads the config file.
          check-config   Validate the config file and the HOSTAGENT__* environment overrides
                         without touching anything. Exit 0 when valid; otherwise print one line
                         per problem (path: value: rule) and exit 1.

        Options:
          --config FILE  Config file (default /etc/hostagent/hostagent.json).
          --print        With check-config: print the effective config as JSON, defaults filled in.
          --help         Show this text.
          --version      Show the version.

        Environment:
          HOSTAGENT__SECTION__KEY=VALUE overrides a key of the file, e.g. HOSTAGENT__NETWORK__MTU=9000.
        """;

    public static bool TryParse(IReadOnlyList<string> args, out DaemonCommandLine? commandLine, out string? error)
    {
        var command = DaemonCommand.Run;
        var config = Core.Configuration.ConfigLoader.DefaultPath;
        var print = false;
        var sawCommand = false;
        commandLine = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    command = DaemonCommand.Help;
                    break;
                case "--version":
                    command = DaemonCommand.Version;
                    break;
                case "--print":
                    print = true;
                    break;
                case "--config" or "-c":
                    if (i + 1 >= args.Count || string.IsNullOrEmpty(args[i + 1]))
                    {
                        error = "--config needs a file name";
                        return false;
                    }
                    config = args[++i];
                    break;
                case "run" or "check-config" when !sawCommand:
                    sawCommand = true;
                    if (command is DaemonCommand.Run)
                    {
                        command = args[i] == "run" ? DaemonCommand.Run : DaemonCommand.CheckConfig;
                    }
                    break;
                default:
                    error = $"unknown argument \"{args[i]}\" (see hostagent --help)";
                    return false;
            }
        }
        if (print && command is DaemonCommand.Run)
        {
            error = "--print is an option of check-config";
            return false;
        }
        commandLine = new DaemonCommandLine(command, config, print);
        error = null;
        return true;
    }
}
