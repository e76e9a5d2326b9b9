using System.Security.Cryptography;
using System.Text;

namespace HostAgent.TestLab.Node;

/// <summary>
/// The image of a booted node: Debian 12 (minbase) with systemd, D-Bus, rsyslog, FRR and rpm, made with
/// debootstrap from the mirror apt already uses. The root file system is kept as a tarball in the
/// cache directory, named after the package list, so it is built once (about a minute) and reused.
/// </summary>
public static class NodeImage
{
    public const string CacheDirectory = "/var/cache/hostagent-test";

    public const string Suite = "bookworm";

    public static IReadOnlyList<string> Packages { get; } =
        ["systemd", "systemd-sysv", "dbus", "iproute2", "procps", "rsyslog", "frr", "frr-pythontools", "rpm"];

    /// <summary>Changes whenever the suite or the package list does, so a stale tarball is never reused.</summary>
    public static string Key { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Suite} minbase {string.Join(",", Packages)}")))[..16];

    public static string Name => $"hostagent-node:{Key}";

    /// <summary>Makes sure the engine has the image, building the tarball first if it is not cached.</summary>
    public static string Ensure(DockerEngine engine)
    {
        if (engine.Run("image", "inspect", Name).Succeeded)
        {
            return Name;
        }
        var tarball = Path.Combine(CacheDirectory, $"rootfs-{Key}.tar");
        if (!File.Exists(tarball))
        {
            Build(tarball);
        }
        engine.Check("import", tarball, Name);
        return Name;
    }

    private static void Build(string tarball)
    {
        Directory.CreateDirectory(CacheDirectory);
        var root = Path.Combine(CacheDirectory, $"rootfs-{Key}.building");
        Cmd.Run("rm", "-rf", root);
        try
        {
            var debootstrap = Cmd.RunWithTimeout(
                TimeSpan.FromMinutes(10),
                "debootstrap", "--variant=minbase", "--include=" + string.Join(",", Packages), Suite, root, Mirror());
            if (!debootstrap.Succeeded)
            {
                throw new InvalidOperationException($"debootstrap failed ({debootstrap.ExitCode}):\n{debootstrap.StdOut}\n{debootstrap.StdErr}");
            }
            // Written under a temporary name and renamed, so an interrupted build never leaves a truncated cache.
            Cmd.Check("tar", "-C", root, "-cf", tarball + ".tmp", ".");
            File.Move(tarball + ".tmp", tarball, overwrite: true);
        }
        finally
        {
            Cmd.Run("rm", "-rf", root);
        }
    }

    /// <summary>The Debian mirror apt is configured with on this machine.</summary>
    private static string Mirror()
    {
        const string sources = "/etc/apt/sources.list.d/debian.sources";
        if (File.Exists(sources))
        {
            var uri = File.ReadLines(sources).FirstOrDefault(l => l.StartsWith("URIs:", StringComparison.Ordinal));
            if (uri is not null)
            {
                return uri["URIs:".Length..].Trim().Split(' ')[0];
            }
        }
        const string list = "/etc/apt/sources.list";
        var line = File.Exists(list) ? File.ReadLines(list).FirstOrDefault(l => l.StartsWith("deb ", StringComparison.Ordinal)) : null;
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault(p => p.StartsWith("http", StringComparison.Ordinal))
            ?? "http://deb.debian.org/debian";
    }
}
