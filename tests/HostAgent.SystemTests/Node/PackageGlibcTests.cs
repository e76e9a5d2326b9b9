using System.Text.RegularExpressions;
using HostAgent.TestLab;
using HostAgent.TestLab.Node;
using Xunit;

namespace HostAgent.SystemTests.Node;

/// <summary>
/// Every ELF file a package ships needs no newer glibc than its target has: a NativeAOT binary links
/// against the build machine's glibc (2.34 here), which EL9 has and EL8 (2.28) does not.
/// </summary>
public sealed partial class PackageGlibcTests
{
    [Theory]
    [InlineData("el8")]
    [InlineData("el9")]
    public void ShippedElfFiles_NeedAtMostTheTargetsGlibc(string target)
    {
        var package = Packages.Find(target);
        var root = Directory.CreateTempSubdirectory("hostagent-rpm-");
        try
        {
            Cmd.Check("sh", "-c", "cd \"$1\" && rpm2cpio \"$2\" | cpio -idm --quiet", "extract", root.FullName, package);
            var elves = root.EnumerateFiles("*", SearchOption.AllDirectories).Where(IsElf).ToList();

            Assert.NotEmpty(elves);
            foreach (var elf in elves)
            {
                var needed = HighestGlibc(elf.FullName);
                Assert.True(needed <= Packages.GlibcOf[target], $"{Path.GetRelativePath(root.FullName, elf.FullName)} needs GLIBC_{needed}, {target} has {Packages.GlibcOf[target]}");
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>The highest GLIBC_x.y symbol version in the file's dynamic symbol table (objdump -T).</summary>
    private static Version HighestGlibc(string path)
    {
        var symbols = Cmd.Check("objdump", "-T", path).StdOut;
        return GlibcVersion().Matches(symbols).Select(m => Version.Parse(m.Groups[1].Value)).DefaultIfEmpty(new Version(0, 0)).Max()!;
    }

    private static bool IsElf(FileInfo file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = file.OpenRead();
        return stream.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();
}
