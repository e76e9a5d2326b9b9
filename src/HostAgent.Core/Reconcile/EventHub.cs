using System.Collections.Concurrent;
using System.Threading.Channels;

namespace HostAgent.Core.Reconcile;

/// <summary>
/// Fans agent events out to every subscriber. Each subscriber has its own bounded queue that drops
/// its oldest events when full, so a slow Watch client can never stall the reconcile loop.
/// </summary>
public sealed class EventHub
{
    private const int SubscriberCapacity = 1024;
    private readonly ConcurrentDictionary<EventSubscription, byte> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public void Publish(AgentEvent agentEvent)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Channel.Writer.TryWrite(agentEvent);
        }
    }

    /// <summary>Registers now: every event published after this call reaches the subscription.</summary>
    public EventSubscription Subscribe()
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<AgentEvent>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var subscription = new EventSubscription(channel, s => _subscribers.TryRemove(s, out _));
        _subscribers.TryAdd(subscription, 0);
        return subscription;
    }
}
