using Hangfire;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>A sync that failed for a reason worth retrying (the store was down, a page stayed broken). Hangfire retries it with backoff.</summary>
public sealed class SyncFailedException(string message) : Exception(message);

/// <summary>
/// The Hangfire entry point for a sync: takes ids, not objects, and keeps no state; the engine keeps its state in
/// the database. One sync per store at a time across every node, via a distributed lock in the job storage.
/// </summary>
public sealed class SyncStoreJob(
    SyncEngine engine,
    IDbContextFactory<NexusDbContext> dbFactory,
    JobStorage storage,
    Microsoft.AspNetCore.SignalR.IHubContext<SyncHub> hub,
    SyncProgressFeed feed,
    TimeProvider clock,
    ILogger<SyncStoreJob> logger,
    IBackgroundJobClient jobs)
{
    [Queue("sync")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(int storeId, SyncMode mode, PerformContext? context, CancellationToken cancellationToken)
    {
        IDisposable storeLock;
        using var connection = storage.GetConnection();
        try
        {
            storeLock = connection.AcquireDistributedLock($"nexus:sync:store:{storeId}", TimeSpan.FromSeconds(2));
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogInformation("Store {StoreId} is already syncing; this request joins the running sync", storeId);
            return;
        }

        using (storeLock)
        {
            try
            {
                var summary = await engine.RunAsync(storeId, mode, new BroadcastingProgressSink(hub, feed, clock), cancellationToken);
                if (summary.Status == SyncRunStatus.Failed && !summary.ErrorNeedsMerchant)
                {
                    throw new SyncFailedException(summary.Error ?? "The sync failed.");
                }
                // Fresh data, fresh forecasts: recomputed in their own job so the sync is not held up.
                if (summary.Status == SyncRunStatus.Succeeded) jobs.Enqueue<Forecasts.ForecastRefreshJob>(j => j.RunAsync(storeId, CancellationToken.None));
            }
            finally
            {
                await ClearActiveJobAsync(storeId, context?.BackgroundJob.Id);
            }
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
