using System.Runtime.InteropServices;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Daemon.Logging;
using HostAgent.Linux.Netlink;
using HostAgent.Linux.Sysctl;
using Serilog;
using Serilog.Events;

namespace HostAgent.Daemon.Hosting;

/// <summary>Runs the daemon with the real kernel adapters until SIGTERM/SIGINT.</summary>
public static class DaemonRunner
{
    public static async Task<int> RunAsync(string[] args, string configPath, HostAgentConfig config)
    {
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(Enum.Parse<LogEventLevel>(config.Agent.LogLevel))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
            .WriteTo.Sink(JournalConsoleSink.ForStandardOutput())
            .CreateLogger();
        try
        {
            var holder = new ConfigHolder(config, Path.GetFullPath(configPath), DateTimeOffset.UtcNow);
            PrepareSocket(config.Agent.GrpcSocket);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.Host.UseSystemd();
            builder.Services.AddSerilog();
            builder.WebHost.ConfigureKestrel(k => AgentApp.ConfigureKestrel(k, config.Agent));
            AgentApp.AddAgent(builder.Services, holder, AddLinuxAdapters);

            var app = builder.Build();
            AgentApp.MapAgent(app, config.Agent);
            app.Lifetime.ApplicationStarted.Register(() =>
                File.SetUnixFileMode(config.Agent.GrpcSocket, (UnixFileMode)config.Agent.GrpcSocketMode));

            var reloader = app.Services.GetRequiredService<ConfigReloader>();
            using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = Task.Run(reloader.Reload);
            });

            await app.RunAsync().ConfigureAwait(false);
            return Environment.ExitCode;
        }
        catch (Exception exception)
        {
            Log.Fatal(exception, "hostagent failed: {Message}", exception.Message);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }

    private static void AddLinuxAdapters(IServiceCollection services)
    {
        services.AddSingleton<IKernelNetwork>(_ => new RtnetlinkKernelNetwork());
        services.AddSingleton<INetworkMonitor>(sp =>
        {
            var lifetime = sp.GetRequiredService<IHostApplicationLifetime>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("HostAgent.Netlink");
            return new RtnetlinkMonitor
            {
                // Without its event stream the agent would repair only at resync: stop, and let systemd restart it.
                OnError = exception =>
                {
                    logger.LogCritical(exception, "netlink monitor failed; stopping so the service manager restarts the agent");
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                },
            };
        });
        services.AddSingleton<ISysctl>(_ => new ProcSysctl());
    }

    /// <summary>Creates the socket's directory and removes a stale socket left by a previous run.</summary>
    private static void PrepareSocket(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        if (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.Directory) == 0)
        {
            File.Delete(path);
        }
    }
}
