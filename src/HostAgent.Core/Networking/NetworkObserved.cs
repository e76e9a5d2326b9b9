namespace HostAgent.Core.Networking;

/// <summary>What the kernel showed: the link with the bridge's name (if any), its IPv4 addresses, the sysctls.</summary>
/// <param name="Sysctls">Each desired key with its current value; null when the kernel has no such key.</param>
public sealed record NetworkObserved(
    LinkInfo? Link,
    IReadOnlyList<Ipv4Prefix> Addresses,
    IReadOnlyList<KeyValuePair<string, string?>> Sysctls);
