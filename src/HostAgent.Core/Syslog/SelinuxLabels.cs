namespace HostAgent.Core.Syslog;

/// <summary>
/// The label the socket directory needs under an enforcing SELinux policy: type container_file_t, so that
/// processes in containers (container_t) may use what is inside. Pure; the adapter only reads and writes it.
/// </summary>
public static class SelinuxLabels
{
    public const string ContainerFileType = "container_file_t";
    public const string Default = "system_u:object_r:container_file_t:s0";

    /// <summary>The label to set, or null when none is needed (not enforcing, or the type is already right).</summary>
    public static string? Desired(bool enforcing, string? current)
    {
        if (!enforcing)
        {
            return null;
        }
        if (string.IsNullOrEmpty(current))
        {
            return Default;
        }
        // user:role:type[:level]; the level may itself contain colons (s0:c1,c2), so split only three times.
        var parts = current.Split(':', 4);
        if (parts.Length < 3)
        {
            return Default;
        }
        if (parts[2] == ContainerFileType)
        {
            return null;
        }
        parts[2] = ContainerFileType;
        return string.Join(':', parts);
    }
}
