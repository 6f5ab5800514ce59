using Microsoft.AspNetCore.SignalR;
using Nexus.Core.Monitoring.Metrics;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>
/// Sends a sync's progress to the store's hub group and to this node's components, at most 10 times a second:
/// a big sync reports after every page, and flooding circuits with hundreds of updates a second helps no one.
/// Phase changes always go out.
/// </summary>
public sealed class BroadcastingProgressSink(IHubContext<SyncHub> hub, SyncProgressFeed feed, TimeProvider clock, NexusMetrics metrics) : ISyncProgressSink
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private long _lastSent = long.MinValue;
    private long _fetchedReported;

    public async ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
    {
        // Every report counts, throttled or not, so the records/s metric sees the sync as it runs.
        var fetched = progress.AllCounts.Values.Sum(c => c.Fetched);
        metrics.RecordsFetched(fetched - _fetchedReported, null);
        _fetchedReported = Math.Max(_fetchedReported, fetched);

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
