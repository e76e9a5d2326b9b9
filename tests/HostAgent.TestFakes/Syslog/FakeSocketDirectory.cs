using System.Collections.Concurrent;
using HostAgent.Core.Syslog;

namespace HostAgent.TestFakes;

/// <summary>The socket directory in memory: paths with kinds, owners and modes; every change recorded.</summary>
public sealed class FakeSocketDirectory : ISocketDirectory
{
    private readonly ConcurrentDictionary<string, PathObservation> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private ulong _nextInode = 100;

    public bool SelinuxEnforcing { get; set; }

    /// <summary>Names the host knows; everything else resolves to null.</summary>
    public Dictionary<string, uint> Users { get; } = new(StringComparer.Ordinal) { ["root"] = 0, ["syslog"] = 104 };

    public Dictionary<string, uint> Groups { get; } = new(StringComparer.Ordinal) { ["root"] = 0, ["adm"] = 4 };

    /// <summary>Every change asked for, e.g. "mkdir /run/x 0755 0:0".</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Throws from the next change, once.</summary>
    public Exception? FailNext { get; set; }

    public AccountIds Resolve(string owner, string group) =>
        new(Users.TryGetValue(owner, out var uid) ? uid : uint.TryParse(owner, out var u) ? u : null,
            Groups.TryGetValue(group, out var gid) ? gid : uint.TryParse(group, out var g) ? g : null);

    public PathObservation Observe(string path, bool readLabel) =>
        _paths.TryGetValue(path, out var observed) ? (readLabel ? observed : observed with { SelinuxLabel = null }) : PathObservation.Missing;

    public void CreateDirectory(string path, int mode, uint uid, uint gid)
    {
        Record($"mkdir {path} {SyslogText.Mode(mode)} {uid}:{gid}");
        _paths[path] = new PathObservation(PathKind.Directory, uid, gid, mode, NextInode());
    }

    public void SetOwner(string path, uint uid, uint gid)
    {
        Record($"chown {path} {uid}:{gid}");
        _paths[path] = _paths[path] with { Uid = uid, Gid = gid };
    }

    public void SetMode(string path, int mode)
    {
        Record($"chmod {path} {SyslogText.Mode(mode)}");
        _paths[path] = _paths[path] with { Mode = mode };
    }

    public void SetSelinuxLabel(string path, string label)
    {
        Record($"label {path} {label}");
        _paths[path] = _paths[path] with { SelinuxLabel = label };
    }

    /// <summary>Puts something at a path, as rsyslog or a person would.</summary>
    public void Put(string path, PathKind kind, uint uid = 0, uint gid = 0, int mode = 0x1B6, string? label = null) =>
        _paths[path] = new PathObservation(kind, uid, gid, mode, NextInode(), label);

    /// <summary>A new socket at the path with a new inode: what an rsyslog restart leaves.</summary>
    public void PutSocket(string path, uint uid = 0, uint gid = 0, int mode = 0x1B6) => Put(path, PathKind.Socket, uid, gid, mode);

    public void Remove(string path) => _paths.TryRemove(path, out _);

    private ulong NextInode() => Interlocked.Increment(ref _nextInode);

    private void Record(string call)
    {
        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }
        _calls.Enqueue(call);
    }
}
