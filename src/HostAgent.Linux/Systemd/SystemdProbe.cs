using Tmds.DBus.Protocol;

namespace HostAgent.Linux.Systemd;

/// <summary>Whether this host is run by systemd with a reachable system bus, as on every node.</summary>
public static class SystemdProbe
{
    /// <summary>The directory whose presence means systemd is the init system (what sd_booted() checks).</summary>
    public const string BootedMarker = "/run/systemd/system";

    /// <summary>A connection to systemd on the system bus, or null with the reason there is none.</summary>
    public static async Task<(SystemdBus? Bus, string? Unavailable)> TryConnectAsync(TimeSpan timeout)
    {
        if (!Directory.Exists(BootedMarker))
        {
            return (null, $"systemd is not the init system ({BootedMarker} is missing)");
        }
        var address = DBusAddress.System;
        if (string.IsNullOrEmpty(address))
        {
            return (null, "no system bus address");
        }
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return (await SystemdBus.ConnectAsync(address, cancel.Token).ConfigureAwait(false), null);
        }
        // Whatever went wrong, the agent starts without systemd rather than not at all.
        catch (Exception exception)
        {
            return (null, $"cannot reach systemd on the system bus {address}: {exception.Message}");
        }
    }
}
