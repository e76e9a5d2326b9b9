using System.Text.Json;
using HostAgent.Core.Configuration;
using HostAgent.Core.Syslog;
using HostAgent.Core.Tests.Configuration;
using HostAgent.Core.Units;
using Xunit;

namespace HostAgent.Core.Tests.Syslog;

/// <summary>
/// One folder under Syslog/testdata: config.json (a hostagent.json) and facts.json (what rsyslog and the host
/// offer) in, the rendered files out. HOSTAGENT_UPDATE_GOLDEN=1 rewrites the expected files.
/// </summary>
internal sealed record GoldenScenario(string Name, string Directory)
{
    public const string DropInFile = "10-hostagent.conf";
    public const string SocketUnitFile = "hostagent-syslog.socket";
    public const string ServiceDropInFile = "rsyslog.service.d-hostagent-syslog.conf";

    public static string Root => Path.Combine(ConfigTestSupport.RepositoryRoot(), "tests", "HostAgent.Core.Tests", "Syslog", "testdata");

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var directory in System.IO.Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }
        return data;
    }

    public static GoldenScenario Load(string name) => new(name, Path.Combine(Root, name));

    public SyslogSettings Settings
    {
        get
        {
            var result = ConfigLoader.LoadFile(Path.Combine(Directory, "config.json"));
            return ConfigTestSupport.AssertValid(result).Syslog ?? throw new InvalidOperationException($"{Name}: config.json has no syslog section");
        }
    }

    public (RsyslogFacts Facts, ServiceControl Control) Facts
    {
        get
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "facts.json")));
            var root = document.RootElement;
            var modules = root.GetProperty("loadedElsewhere").EnumerateArray().Select(e => e.GetString()!);
            var control = Enum.Parse<ServiceControl>(root.GetProperty("control").GetString()!, ignoreCase: true);
            var workDirectory = root.TryGetProperty("workDirectory", out var work) ? work.GetString() : null;
            return (new RsyslogFacts(root.GetProperty("omrelp").GetBoolean(), new EquatableList<string>(modules), WorkDirectory: workDirectory), control);
        }
    }

    public SyslogDesired Desired()
    {
        var (facts, control) = Facts;
        return SyslogDesired.From(Settings, facts, control, selinuxEnforcing: false);
    }

    /// <summary>Compares with the expected file, or writes it when updating; a file that should not exist must not.</summary>
    public void AssertFile(string file, string? actual)
    {
        var path = Path.Combine(Directory, file);
        if (Environment.GetEnvironmentVariable("HOSTAGENT_UPDATE_GOLDEN") == "1")
        {
            if (actual is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllText(path, actual);
            }
            return;
        }
        if (actual is null)
        {
            Assert.False(File.Exists(path), $"{Name}: {file} is expected but nothing was rendered");
            return;
        }
        Assert.True(File.Exists(path), $"{Name}: {file} is missing; run with HOSTAGENT_UPDATE_GOLDEN=1 to write it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
