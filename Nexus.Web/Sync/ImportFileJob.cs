using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>
/// The Hangfire entry point for importing an uploaded file: ids only, no state. The import is a sync run of the
/// store (<see cref="CsvImporter"/>), so it takes the store's lease, broadcasts the same live progress as Sync now and
/// lands in the store's history. The tenant is the store's own: the page that enqueued it checked the store is the
/// merchant's. Not retried: a file that failed once fails the same way, and a crash resumes from the checkpoint
/// when the merchant imports it again.
/// </summary>
public sealed class ImportFileJob(
    CsvImporter importer,
    IDbContextFactory<NexusDbContext> dbFactory,
    Microsoft.AspNetCore.SignalR.IHubContext<SyncHub> hub,
    SyncProgressFeed feed,
    TimeProvider clock,
    Nexus.Core.Monitoring.Metrics.NexusMetrics metrics,
    IBackgroundJobClient jobs)
{
    [Queue("sync")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(int storeId, string uploadId, string productCurrency, PerformContext? context, CancellationToken cancellationToken)
    {
        var jobId = context?.BackgroundJob.Id;
        try
        {
            Guid tenant;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                tenant = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => s.TenantId).FirstAsync(cancellationToken);
            }
            var result = await importer.ImportAsync(tenant, storeId, uploadId, productCurrency, new BroadcastingProgressSink(hub, feed, clock, metrics),
                $"the job server on {Environment.MachineName} (job {jobId ?? "?"})", cancellationToken);
            metrics.SyncFinished(result.Run);
            if (result.Run.Status == SyncRunStatus.Failed) throw new SyncPermanentlyFailedException(result.Run.Error ?? "The import failed.");
            if (result.Run.Status == SyncRunStatus.Succeeded) AnalyticsRefresh.EnqueueAfterSync(jobs, storeId);
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var store = await db.Stores.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == storeId, CancellationToken.None);
            if (store is not null && (jobId is null || store.ActiveSyncJobId == jobId))
            {
                store.ActiveSyncJobId = null;
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }
}
