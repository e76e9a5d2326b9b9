using HostAgent.Core.Bgp;
using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;

namespace HostAgent.Linux.Bgp;

/// <summary>
/// Wakes the BGP component when bgpd stops, starts or is replaced, and when its config file changes. A clean
/// stop removes the pid file, which inotify reports at once; a killed bgpd leaves it behind, which the liveness
/// poll (bgp.livenessInterval, 1 s by default) catches by looking at the process behind it.
/// </summary>
public sealed class BgpDaemonWatch : IDriftSignal
{
    private readonly IBgpDaemon _daemon;
    private readonly ConfigHolder _config;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private Action<string>? _onSignal;
    private ITimer? _timer;
    private TimeSpan _interval;
    private (bool Running, int? Pid)? _last;
    private readonly List<FileSystemWatcher> _watchers = [];
    private string _watching = "";

    public BgpDaemonWatch(IBgpDaemon daemon, ConfigHolder config, TimeProvider time)
    {
        _daemon = daemon;
        _config = config;
        _time = time;
    }

    public string Component => BgpComponent.ComponentName;

    public void Start(Action<string> onSignal)
    {
        _onSignal = onSignal;
        Check();
        _interval = _config.Current.Bgp?.LivenessInterval ?? TimeSpan.FromSeconds(1);
        _timer = _time.CreateTimer(_ => Check(), null, _interval, _interval);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }
            _watchers.Clear();
        }
    }

    private void Check()
    {
        string? reason = null;
        lock (_lock)
        {
            if (_config.Current.Bgp is not { } settings)
            {
                return;
            }
            var tooling = BgpTooling.From(settings);
            Watch(tooling);
            var probe = _daemon.Probe(tooling);
            var now = (probe.Running, probe.Running ? probe.Pid : null);
            if (_last is { } last && last != now)
            {
                reason = probe.Running ? $"bgpd running (pid {probe.Pid})" : $"bgpd down: {probe.Problem}";
            }
            _last = now;
            if (_timer is not null && settings.LivenessInterval != _interval)
            {
                _interval = settings.LivenessInterval;
                _timer.Change(_interval, _interval);
            }
        }
        if (reason is not null)
        {
            _onSignal?.Invoke(reason);
        }
    }

    /// <summary>Watches the directories of the pid file and the config file; set up again when a reload moves them.</summary>
    private void Watch(BgpTooling tooling)
    {
        var key = tooling.PidFile + "\n" + tooling.ConfigFile;
        if (key == _watching)
        {
            return;
        }
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _watchers.Clear();
        _watching = key;
        foreach (var directory in new[] { Path.GetDirectoryName(tooling.PidFile), Path.GetDirectoryName(tooling.ConfigFile) }.Distinct())
        {
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                continue;
            }
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
            watcher.Created += (_, e) => OnFileEvent(e.FullPath, tooling);
            watcher.Deleted += (_, e) => OnFileEvent(e.FullPath, tooling);
            watcher.Changed += (_, e) => OnFileEvent(e.FullPath, tooling);
            watcher.Renamed += (_, e) => OnFileEvent(e.FullPath, tooling);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnFileEvent(string path, BgpTooling tooling)
    {
        if (path == tooling.PidFile)
        {
            Check();
        }
        else if (path == tooling.ConfigFile)
        {
            _onSignal?.Invoke($"{Path.GetFileName(path)} changed");
        }
    }
}
