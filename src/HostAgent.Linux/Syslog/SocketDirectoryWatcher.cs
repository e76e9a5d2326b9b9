using HostAgent.Core.Configuration;
using HostAgent.Core.Reconcile;
using HostAgent.Core.Syslog;

namespace HostAgent.Linux.Syslog;

/// <summary>
/// Watches the socket directory with inotify (FileSystemWatcher) and wakes the syslog component when the
/// socket appears, disappears or is renamed: an rsyslog restart shows up as the socket removed and created
/// again. The directory may not exist yet (the component creates it) or may be removed: then it is looked
/// for once a second until it is back.
/// </summary>
public sealed class SocketDirectoryWatcher : IDriftSignal
{
    /// <summary>While the directory is missing, look often: the component creates it on its first run and events must follow at once.</summary>
    private static readonly TimeSpan SearchPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>While watching, only check that the directory is still there.</summary>
    private static readonly TimeSpan WatchPoll = TimeSpan.FromSeconds(1);

    private readonly ConfigHolder _config;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private Action<string>? _onSignal;
    private FileSystemWatcher? _watcher;
    private string? _watching;
    private ITimer? _poll;
    private bool _disposed;

    public SocketDirectoryWatcher(ConfigHolder config, TimeProvider time)
    {
        _config = config;
        _time = time;
    }

    public string Component => SyslogComponent.ComponentName;

    /// <summary>The directory being watched now; null while it is looked for.</summary>
    public string? Watching
    {
        get
        {
            lock (_lock)
            {
                return _watching;
            }
        }
    }

    public void Start(Action<string> onSignal)
    {
        _onSignal = onSignal;
        _poll = _time.CreateTimer(_ => EnsureWatching(), null, TimeSpan.Zero, SearchPoll);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _poll?.Dispose();
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void EnsureWatching()
    {
        var settings = _config.Current.Syslog;
        if (settings is null)
        {
            return;
        }
        lock (_lock)
        {
            if (_disposed || (_watcher is not null && _watching == settings.Directory && Directory.Exists(settings.Directory)))
            {
                return;
            }
            var lost = _watcher is not null;
            _watcher?.Dispose();
            _watcher = null;
            _watching = null;
            if (!Directory.Exists(settings.Directory))
            {
                _poll?.Change(SearchPoll, SearchPoll);
                if (lost)
                {
                    Signal("socket directory missing");
                }
                return;
            }
            _poll?.Change(WatchPoll, WatchPoll);
            var watcher = new FileSystemWatcher(settings.Directory, settings.SocketName)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.Attributes | NotifyFilters.Security,
                IncludeSubdirectories = false,
            };
            watcher.Created += (_, _) => Signal("socket created");
            watcher.Deleted += (_, _) => Signal("socket removed");
            watcher.Renamed += (_, _) => Signal("socket renamed");
            watcher.Changed += (_, _) => Signal("socket attributes changed");
            watcher.Error += (_, _) => Signal("socket directory watch failed");
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            _watching = settings.Directory;
        }
        // Anything may have happened while nothing watched.
        Signal("socket directory watched");
    }

    private void Signal(string reason) => _onSignal?.Invoke(reason);
}
