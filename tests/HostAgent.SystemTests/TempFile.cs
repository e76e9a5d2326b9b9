namespace HostAgent.SystemTests;

/// <summary>A file with the given text, deleted on Dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hostagent-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
