namespace HostAgent.Core.Networking;

/// <summary>Kernel parameters by their sysctl name, e.g. "net.ipv4.ip_forward".</summary>
public interface ISysctl
{
    /// <summary>The current value with surrounding whitespace trimmed; null when the key does not exist.</summary>
    string? Read(string key);

    /// <summary>Writes the value; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> on failure.</summary>
    void Write(string key, string value);
}
