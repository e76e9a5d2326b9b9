using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using HostAgent.Linux.Interop;

namespace HostAgent.Linux.Syslog;

/// <summary>
/// posix_spawn with a socket passed as descriptor 3 and LISTEN_FDS/LISTEN_PID set, which is systemd's socket
/// activation protocol (sd_listen_fds). LISTEN_PID must be the daemon's own pid, which is known only once it
/// runs, so a shell sets it to its own pid ($$) and then execs the daemon in its place.
/// </summary>
internal static unsafe class ProcessSpawner
{
    public const int ListenFdsStart = 3;

    /// <summary>Starts the command in a session of its own, signals reset, stdin from /dev/null; returns its pid.</summary>
    /// <param name="listenFd">A descriptor to pass as fd 3 with LISTEN_FDS=1; -1 for none.</param>
    public static int Spawn(IReadOnlyList<string> command, int listenFd, string listenName)
    {
        string[] argv = listenFd >= 0
            ? ["/bin/sh", "-c", "LISTEN_PID=$$; export LISTEN_PID; exec \"$@\"", "sh", .. command]
            : [.. command];
        var environment = Environment(listenFd >= 0 ? listenName : null);
        var actions = stackalloc byte[SyslogNative.SpawnStructSize];
        var attributes = stackalloc byte[SyslogNative.SpawnStructSize];
        var emptyMask = stackalloc byte[SyslogNative.SigsetSize];
        var allSignals = stackalloc byte[SyslogNative.SigsetSize];
        var strings = new List<nint>();
        try
        {
            Check(SyslogNative.FileActionsInit(actions), "posix_spawn_file_actions_init");
            Check(SyslogNative.SpawnAttrInit(attributes), "posix_spawnattr_init");
            Check(SyslogNative.FileActionsAddOpen(actions, 0, "/dev/null", SyslogNative.ORdonly, 0), "addopen");
            if (listenFd >= 0)
            {
                Check(SyslogNative.FileActionsAddDup2(actions, listenFd, ListenFdsStart), "adddup2");
            }
            SyslogNative.SigEmptySet(emptyMask);
            SyslogNative.SigFillSet(allSignals);
            // The runtime ignores SIGPIPE and blocks some signals on its threads; the daemon starts from defaults.
            Check(SyslogNative.SpawnAttrSetSigMask(attributes, emptyMask), "setsigmask");
            Check(SyslogNative.SpawnAttrSetSigDefault(attributes, allSignals), "setsigdefault");
            Check(SyslogNative.SpawnAttrSetFlags(attributes,
                SyslogNative.PosixSpawnSetsigmask | SyslogNative.PosixSpawnSetsigdef | SyslogNative.PosixSpawnSetsid), "setflags");
            var argvBlock = Block(argv, strings);
            var envBlock = Block(environment, strings);
            int pid;
            var error = SyslogNative.PosixSpawnp(&pid, argvBlock[0], actions, attributes, argvBlock, envBlock);
            if (error != 0)
            {
                throw new IOException($"cannot start {command[0]}: {Errno.Describe(error)}");
            }
            return pid;
        }
        finally
        {
            SyslogNative.FileActionsDestroy(actions);
            SyslogNative.SpawnAttrDestroy(attributes);
            foreach (var pointer in strings)
            {
                NativeMemory.Free((void*)pointer);
            }
        }
    }

    /// <summary>This process's environment, without what belongs to it alone (its systemd notify socket, its own LISTEN_*).</summary>
    private static List<string> Environment(string? listenName)
    {
        var variables = new List<string>();
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name is "NOTIFY_SOCKET" or "LISTEN_FDS" or "LISTEN_PID" or "LISTEN_FDNAMES" or "WATCHDOG_USEC" or "WATCHDOG_PID")
            {
                continue;
            }
            variables.Add($"{name}={entry.Value}");
        }
        if (listenName is not null)
        {
            variables.Add("LISTEN_FDS=1");
            variables.Add($"LISTEN_FDNAMES={listenName}");
        }
        return variables;
    }

    /// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings, freed by the caller through <paramref name="owned"/>.</summary>
    private static byte** Block(IReadOnlyList<string> values, List<nint> owned)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(nint));
        owned.Add((nint)array);
        for (var i = 0; i < values.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(values[i]);
            var text = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
            owned.Add((nint)text);
            bytes.CopyTo(new Span<byte>(text, bytes.Length));
            text[bytes.Length] = 0;
            array[i] = text;
        }
        array[values.Count] = null;
        return array;
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new IOException($"{call} failed: {Errno.Describe(result)}");
        }
    }
}
