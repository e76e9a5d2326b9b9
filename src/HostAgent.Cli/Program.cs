using HostAgent.Cli;

if (!CliOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"hostagentctl: {error}");
    Console.Error.WriteLine("Try hostagentctl --help.");
    return CliRunner.ExitUsage;
}
if (options!.Command == "help")
{
    Console.WriteLine(CliOptions.Usage);
    return CliRunner.ExitOk;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var (client, channel) = AgentClient.Connect(options.Socket);
using (channel)
{
    return await CliRunner.RunAsync(options, client, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
}
