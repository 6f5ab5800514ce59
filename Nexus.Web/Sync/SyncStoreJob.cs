using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>A sync that failed for a reason worth retrying (the store was down, a page stayed broken). Hangfire retries it with backoff.</summary>
public sealed class SyncFailedException(string message) : Exception(message);

/// <summary>A sync that failed for a reason retrying cannot fix (a refused address, an oversized answer, an unexpected error): the job fails without retries.</summary>
public sealed class SyncPermanentlyFailedException(string message) : Exception(message);

/// <summary>
/// The Hangfire entry point for a sync: takes ids, not objects, and keeps no state; the engine keeps its state in
/// the database. One sync per store at a time across every process (job servers and the CLI alike): the engine
/// takes the store's lease in the Nexus database (<see cref="StoreSyncLock"/>). Only <see cref="SyncFailedException"/> (a
/// failure worth retrying) is retried; permanent failures — a wrong key, a refused address, an unexpected error —
/// fail at once, since the same attempt would fail the same way.
/// </summary>
public sealed class SyncStoreJob(
    SyncEngine engine,
    IDbContextFactory<NexusDbContext> dbFactory,
    Microsoft.AspNetCore.SignalR.IHubContext<SyncHub> hub,
    SyncProgressFeed feed,
    TimeProvider clock,
    Nexus.Core.Monitoring.Metrics.NexusMetrics metrics,
    ILogger<SyncStoreJob> logger,
    IBackgroundJobClient jobs)
{
    [Queue("sync")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnAttemptsExceeded = AttemptsExceededAction.Fail, OnlyOn = [typeof(SyncFailedException)])]
    public async Task RunAsync(int storeId, SyncMode mode, PerformContext? context, CancellationToken cancellationToken)
    {
        var jobId = context?.BackgroundJob.Id;
        try
        {
            var summary = await engine.RunAsync(storeId, mode, new BroadcastingProgressSink(hub, feed, clock, metrics), cancellationToken,
                holder: $"the job server on {Environment.MachineName} (job {jobId ?? "?"})");
            metrics.SyncFinished(summary);
            if (summary.Status == SyncRunStatus.Failed)
            {
                // Failed either way in /hangfire, with the reason; only a transient failure is retried (AutomaticRetry.OnlyOn).
                throw summary.ErrorIsPermanent || summary.ErrorNeedsMerchant
                    ? new SyncPermanentlyFailedException(summary.Error ?? "The sync failed.")
                    : new SyncFailedException(summary.Error ?? "The sync failed.");
            }
            if (summary.Status == SyncRunStatus.Succeeded) AnalyticsRefresh.EnqueueAfterSync(jobs, storeId);
        }
        catch (StoreSyncLockedException ex)
        {
            logger.LogInformation("Store {StoreId} is already syncing ({Holder}); this request joins the running sync", storeId, ex.Holder);
        }
        finally
        {
            await ClearActiveJobAsync(storeId, jobId);
        }
    }

    private async Task ClearActiveJobAsync(int storeId, string? jobId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var store = await db.Stores.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == storeId);
        if (store is not null && (jobId is null || store.ActiveSyncJobId == jobId))
        {
            store.ActiveSyncJobId = null;
            await db.SaveChangesAsync();
        }
    }
}
