using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nexus.Core.Storage;

namespace Nexus.Core.Sync;

/// <summary>
/// Finds runs still marked Running whose process is gone — no live holder of the store's sync lock — and marks
/// them interrupted, so the store no longer looks busy and its next sync resumes from the checkpoint. Safe to run
/// at any time from any process: a run that is really in progress always holds its store's lease.
/// </summary>
public sealed class SyncRunReconciler(IDbContextFactory<NexusDbContext> dbFactory, StoreSyncLock locks, TimeProvider clock, ILogger<SyncRunReconciler> logger)
{
    /// <returns>How many runs were marked interrupted.</returns>
    public async Task<int> ReconcileRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.SyncRuns.IgnoreQueryFilters().Where(r => r.Status == SyncRunStatus.Running).ToListAsync(cancellationToken);
        var marked = 0;
        foreach (var run in running)
        {
            if (await locks.IsHeldAsync(run.StoreId, cancellationToken)) continue;
            SyncEngine.MarkInterrupted(run, clock.GetUtcNow());
            marked++;
            logger.LogWarning("Sync run {RunId} of store {StoreId} was left running by a process that stopped; marked interrupted", run.Id, run.StoreId);
        }
        if (marked > 0) await db.SaveChangesAsync(cancellationToken);
        return marked;
    }
}
