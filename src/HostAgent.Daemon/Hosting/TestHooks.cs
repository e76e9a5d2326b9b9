using System.Runtime.InteropServices;
using HostAgent.Core.Reconcile;

namespace HostAgent.Daemon.Hosting;

/// <summary>
/// Switches that exist only so system tests can prove behaviour that cannot be provoked from outside:
/// with HOSTAGENT_TEST_HOOKS=1 in the environment, SIGUSR2 freezes every reconcile loop (the process and
/// its API go on), which must get the agent restarted by systemd's watchdog. Off unless that variable is set.
/// </summary>
public static partial class TestHooks
{
    public const string EnvironmentVariable = "HOSTAGENT_TEST_HOOKS";

    /// <summary>SIGUSR2 on Linux; .NET accepts raw signal numbers cast to <see cref="PosixSignal"/>.</summary>
    private const PosixSignal SigUsr2 = (PosixSignal)12;

    /// <summary>The registration to dispose at exit; null when the hooks are off.</summary>
    public static IDisposable? Register(IServiceProvider services)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) != "1")
        {
            return null;
        }
        var heartbeat = services.GetRequiredService<Reconciler>().Heartbeat;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("HostAgent.TestHooks");
        LogEnabled(logger);
        return PosixSignalRegistration.Create(SigUsr2, context =>
        {
            context.Cancel = true;
            LogFrozen(logger);
            heartbeat.Freeze();
        });
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Warning, Message = "test hooks on: SIGUSR2 freezes the reconcile loops")]
    private static partial void LogEnabled(ILogger logger);

    [LoggerMessage(EventId = 3902, Level = LogLevel.Warning, Message = "SIGUSR2: freezing every reconcile loop (test hook)")]
    private static partial void LogFrozen(ILogger logger);
}
