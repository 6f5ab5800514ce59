using System.Collections.Concurrent;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>What "Sync now" did: started a new job, or found one already queued or running for the store.</summary>
public sealed record SyncRequest(string JobId, bool AlreadyRunning);

/// <summary>
/// Starts, cancels and schedules a tenant's store syncs. Every call names the tenant and is checked against it,
/// so a merchant can only ever start or stop syncs of their own stores.
/// </summary>
public sealed class SyncScheduler(IDbContextFactory<NexusDbContext> dbFactory, IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage)
{
    private static readonly ConcurrentDictionary<int, SemaphoreSlim> StoreLocks = new();
    private static readonly HashSet<string> LiveStates = [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    public static string RecurringId(int storeId) => $"sync-store-{storeId}";

    public Task<SyncRequest> SyncNowAsync(Guid tenantId, int storeId, SyncMode mode, CancellationToken cancellationToken = default) =>
        EnqueueAsync(tenantId, storeId, () => jobs.Enqueue<SyncStoreJob>(job => job.RunAsync(storeId, mode, null, CancellationToken.None)), cancellationToken);

    /// <summary>Imports an uploaded file into the tenant's store as its running job (one at a time, like Sync now).</summary>
    public Task<SyncRequest> ImportNowAsync(Guid tenantId, int storeId, string uploadId, string productCurrency, CancellationToken cancellationToken = default) =>
        EnqueueAsync(tenantId, storeId, () => jobs.Enqueue<ImportFileJob>(job => job.RunAsync(storeId, uploadId, productCurrency, null, CancellationToken.None)), cancellationToken);

    private async Task<SyncRequest> EnqueueAsync(Guid tenantId, int storeId, Func<string> enqueue, CancellationToken cancellationToken)
    {
        var gate = StoreLocks.GetOrAdd(storeId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.TenantId = tenantId;
            var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken)
                        ?? throw new KeyNotFoundException("That store does not exist or is not yours.");
            if (store.ActiveSyncJobId is { } active && IsLive(active))
            {
                return new SyncRequest(active, AlreadyRunning: true);
            }
            var jobId = enqueue();
            store.ActiveSyncJobId = jobId;
            await db.SaveChangesAsync(cancellationToken);
            return new SyncRequest(jobId, AlreadyRunning: false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the store's running sync at its next page; the checkpoint lets the next sync continue from there.</summary>
    public async Task<bool> CancelAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store?.ActiveSyncJobId is not { } jobId) return false;
        var wasProcessing = StateOf(jobId) == ProcessingState.StateName;
        var deleted = jobs.Delete(jobId);
        if (!wasProcessing)
        {
            // A queued job that is deleted never runs, so nothing else would clear the card's "Sync queued…".
            store.ActiveSyncJobId = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        return deleted;
    }

    private string? StateOf(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    public bool IsLive(string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId)?.Name;
        return state is not null && LiveStates.Contains(state);
    }

    /// <summary>Adds, updates or removes the store's recurring incremental sync to match its settings.</summary>
    public void ApplySchedule(int storeId, string cron, bool paused)
    {
        if (paused)
        {
            recurring.RemoveIfExists(RecurringId(storeId));
            return;
        }
        recurring.AddOrUpdate<SyncStoreJob>(RecurringId(storeId), job => job.RunAsync(storeId, SyncMode.Incremental, null, CancellationToken.None),
            cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }

    public void RemoveSchedule(int storeId) => recurring.RemoveIfExists(RecurringId(storeId));
}
