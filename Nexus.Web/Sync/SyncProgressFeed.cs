using System.Collections.Concurrent;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>
/// In-process fan-out of sync progress to the Blazor components on this node (they run on the server, so they
/// subscribe here rather than dialling the hub). External clients use <see cref="SyncHub"/>.
/// </summary>
public sealed class SyncProgressFeed
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<SyncProgress, Task>>> _subscribers = new();

    public IDisposable Subscribe(int storeId, Func<SyncProgress, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(storeId, _ => new())[id] = handler;
        return new Subscription(() => _subscribers.GetValueOrDefault(storeId)?.TryRemove(id, out _));
    }

    public async Task PublishAsync(SyncProgress progress)
    {
        if (!_subscribers.TryGetValue(progress.StoreId, out var handlers)) return;
        foreach (var handler in handlers.Values)
        {
            await handler(progress);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
