using HostAgent.Core.Configuration;

namespace HostAgent.Daemon.Hosting;

/// <summary>`hostagent check-config`: validate, print one line per problem, touch nothing.</summary>
public static class CheckConfig
{
    public static int Run(DaemonCommandLine commandLine, TextWriter output, TextWriter errors)
    {
        var result = ConfigLoader.LoadFile(commandLine.ConfigPath, ConfigLoader.ProcessEnvironment());
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                errors.WriteLine($"{commandLine.ConfigPath}: {error}");
            }
            errors.WriteLine($"{commandLine.ConfigPath}: {result.Errors.Count} problem(s), configuration test failed");
            return 1;
        }
        if (commandLine.PrintEffective)
        {
            output.WriteLine(ConfigLoader.ToJson(result.Config!));
        }
        output.WriteLine($"{commandLine.ConfigPath}: configuration is valid");
        return 0;
    }
}
