using System.Runtime.InteropServices;
using HostAgent.Core.Configuration;
using HostAgent.Core.Networking;
using HostAgent.Core.Units;
using HostAgent.Daemon.Logging;
using HostAgent.Daemon.Metrics;
using HostAgent.Linux.Netlink;
using HostAgent.Linux.Processes;
using HostAgent.Linux.Sysctl;
using HostAgent.Linux.Systemd;
using Serilog;
using Serilog.Events;

namespace HostAgent.Daemon.Hosting;

/// <summary>Runs the daemon with the real kernel adapters until SIGTERM/SIGINT.</summary>
public static class DaemonRunner
{
    public static async Task<int> RunAsync(string[] args, string configPath, HostAgentConfig config)
    {
        // Serilog disposes the sink (flushing what is queued) when the logger is closed.
        var syslogSink = AgentSyslogSink.Create(config);
        var logging = new LoggerConfiguration()
            .MinimumLevel.Is(Enum.Parse<LogEventLevel>(config.Agent.LogLevel))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
            .WriteTo.Sink(JournalConsoleSink.ForStandardOutput());
        if (syslogSink is not null)
        {
            logging = logging.WriteTo.Sink(syslogSink);
        }
        Log.Logger = logging.CreateLogger();
        try
        {
            // Process and runtime metrics stay; the ASP.NET Core meters and event counters would triple
            // the /metrics body with series nobody graphs for this daemon, and slow every scrape.
            Prometheus.Metrics.SuppressDefaultMetrics(new Prometheus.SuppressDefaultMetricOptions
            {
                SuppressMeters = true,
                SuppressEventCounters = true,
            });
            var holder = new ConfigHolder(config, Path.GetFullPath(configPath), DateTimeOffset.UtcNow);
            PrepareSocket(config.Agent.GrpcSocket);

            // READY=1 is the agent's own, sent after the first reconcile (ServiceNotifications), not at host start.
            var notifier = SdNotifySocket.FromEnvironment();
            var (systemd, noSystemd) = await SystemdProbe.TryConnectAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            using var systemdBus = systemd;

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.Services.AddSerilog();
            builder.WebHost.ConfigureKestrel(k => AgentApp.ConfigureKestrel(k, config.Agent));
            AgentApp.AddAgent(builder.Services, holder, services =>
            {
                AddLinuxAdapters(services);
                SyslogServices.AddLinuxAdapters(services, holder);
                BgpServices.AddLinuxAdapters(services, holder);
                if (notifier is not null)
                {
                    services.AddSingleton<IServiceNotifier>(notifier);
                }
                // How the agent controls daemons is decided in this one spot: without a system bus, bgpd is
                // started by the agent itself from bgp.startCommand.
                ServiceManagerRegistration.Add(services, systemd, fallback: s => BgpServices.AddProcessControl(s, holder));
            });

            var app = builder.Build();
            if (syslogSink is not null)
            {
                LoggingMetrics.Register(app.Services.GetRequiredService<AgentMetrics>().Registry, syslogSink);
            }
            if (noSystemd is not null)
            {
                ServiceManagerRegistration.LogNoSystemd(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HostAgent.Systemd"), noSystemd);
            }
            AgentApp.MapAgent(app, config.Agent);
            app.Lifetime.ApplicationStarted.Register(() =>
                File.SetUnixFileMode(config.Agent.GrpcSocket, (UnixFileMode)config.Agent.GrpcSocketMode));

            var reloader = app.Services.GetRequiredService<ConfigReloader>();
            var notifications = app.Services.GetRequiredService<ServiceNotifications>();
            if (InheritedSignals.StopIgnoringHangup())
            {
                Log.Information("SIGHUP was ignored by the process that started the agent; it is handled again, as the config reload");
            }
            using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = Task.Run(() =>
                {
                    try
                    {
                        notifications.Reload(reloader);
                    }
                    catch (Exception exception)
                    {
                        // Nobody awaits this task: an error would otherwise vanish with it.
                        Log.Error(exception, "reload on SIGHUP failed: {Message}", exception.Message);
                    }
                });
            });
            using var testHooks = TestHooks.Register(app.Services);

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
