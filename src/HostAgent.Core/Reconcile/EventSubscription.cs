using System.Threading.Channels;

namespace HostAgent.Core.Reconcile;

/// <summary>A live subscription to an <see cref="EventHub"/>; dispose it to stop receiving.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Action<EventSubscription> _unsubscribe;

    internal EventSubscription(Channel<AgentEvent> channel, Action<EventSubscription> unsubscribe)
    {
        Channel = channel;
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<AgentEvent> Reader => Channel.Reader;

    internal Channel<AgentEvent> Channel { get; }

    public void Dispose()
    {
        Channel.Writer.TryComplete();
        _unsubscribe(this);
    }
}
