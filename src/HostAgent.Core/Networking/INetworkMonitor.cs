namespace HostAgent.Core.Networking;

/// <summary>Link and IPv4 address change notifications from the kernel, as they happen.</summary>
public interface INetworkMonitor : IDisposable
{
    /// <summary>Starts delivering events to <paramref name="onEvent"/> on a background thread; call once.</summary>
    void Start(Action<NetworkEvent> onEvent);
}
