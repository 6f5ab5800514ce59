using Microsoft.AspNetCore.SignalR;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>
/// Sends a sync's progress to the store's hub group and to this node's components, at most 10 times a second:
/// a big sync reports after every page, and flooding circuits with hundreds of updates a second helps no one.
/// Phase changes always go out.
/// </summary>
public sealed class BroadcastingProgressSink(IHubContext<SyncHub> hub, SyncProgressFeed feed, TimeProvider clock) : ISyncProgressSink
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private long _lastSent = long.MinValue;

    public async ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (progress.Phase == SyncPhase.Fetching && _lastSent != long.MinValue && clock.GetElapsedTime(_lastSent, now) < MinInterval)
        {
            return;
        }
        _lastSent = now;
        await hub.Clients.Group(SyncHub.GroupName(progress.StoreId)).SendAsync(SyncHub.ProgressMethod, progress, CancellationToken.None);
        await feed.PublishAsync(progress);
    }
}
