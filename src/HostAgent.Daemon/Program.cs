using HostAgent.Core.Configuration;
using HostAgent.Daemon.Hosting;

if (!DaemonCommandLine.TryParse(args, out var commandLine, out var argumentError))
{
    Console.Error.WriteLine($"hostagent: {argumentError}");
    return 2;
}

switch (commandLine!.Command)
{
    case DaemonCommand.Help:
        Console.WriteLine(DaemonCommandLine.Usage);
        return 0;
    case DaemonCommand.Version:
        Console.WriteLine($"hostagent {AgentIdentity.CurrentVersion}");
        return 0;
    case DaemonCommand.CheckConfig:
        return CheckConfig.Run(commandLine, Console.Out, Console.Error);
}

var loaded = ConfigLoader.LoadFile(commandLine.ConfigPath, ConfigLoader.ProcessEnvironment());
if (!loaded.IsValid)
{
    foreach (var error in loaded.Errors)
    {
        Console.Error.WriteLine($"hostagent: {commandLine.ConfigPath}: {error}");
    }
    Console.Error.WriteLine("hostagent: config invalid, not starting");
    return 1;
}

return await DaemonRunner.RunAsync(args, commandLine.ConfigPath, loaded.Config!).ConfigureAwait(false);
