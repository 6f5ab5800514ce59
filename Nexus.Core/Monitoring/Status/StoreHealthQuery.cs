using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Monitoring.Status;

/// <summary>One store's row on a merchant's Health page.</summary>
public sealed record StoreHealthRow(
    int StoreId,
    string StoreName,
    DateTimeOffset? LastSyncAt,
    SyncRunStatus? LastSyncStatus,
    string? LastSyncError,
    bool Syncing,
    bool? Reachable,
    DateTimeOffset? ReachabilityCheckedAt,
    string? ReachabilitySummary,
    string? ReachabilityFix,
    bool SchedulePaused,
    DateTimeOffset? NextSyncAt)
{
    /// <summary>One word for the status chip.</summary>
    public string Status =>
        Reachable == false ? "Unreachable"
        : LastSyncStatus == SyncRunStatus.Failed ? "Sync failing"
        : LastSyncStatus is null ? "Never synced"
        : "Healthy";
}

/// <summary>Reads the next run of each store's recurring sync (from the job server).</summary>
public interface ISyncScheduleReader
{
    IReadOnlyDictionary<int, DateTimeOffset?> NextSyncs(IReadOnlyCollection<int> storeIds);
}

/// <summary>The merchant's view of health: only the tenant's own stores.</summary>
public sealed class StoreHealthQuery(IDbContextFactory<NexusDbContext> dbFactory, ISyncScheduleReader schedules)
{
    public async Task<IReadOnlyList<StoreHealthRow>> RunAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.SchedulePaused, s.ActiveSyncJobId }).ToListAsync(cancellationToken);
        var reach = await db.StoreReachability.AsNoTracking().ToDictionaryAsync(r => r.StoreId, cancellationToken);
        var next = schedules.NextSyncs(stores.Select(s => s.Id).ToList());
        var rows = new List<StoreHealthRow>();
        foreach (var s in stores)
        {
            var last = await db.SyncRuns.AsNoTracking().Where(r => r.StoreId == s.Id && r.Status != SyncRunStatus.Running)
                .OrderByDescending(r => r.StartedAt).Select(r => new { r.FinishedAt, r.StartedAt, r.Status, r.Error }).FirstOrDefaultAsync(cancellationToken);
            reach.TryGetValue(s.Id, out var r);
            rows.Add(new StoreHealthRow(s.Id, s.Name, last?.FinishedAt ?? last?.StartedAt, last?.Status,
                last?.Status == SyncRunStatus.Failed ? last.Error : null, s.ActiveSyncJobId is not null,
                r?.Reachable, r?.CheckedAt, r?.Summary, r?.Fix, s.SchedulePaused, s.SchedulePaused ? null : next.GetValueOrDefault(s.Id)));
        }
        return rows;
    }
}
