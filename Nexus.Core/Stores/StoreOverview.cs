using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Stores;

/// <summary>The last sync of a store as its owner sees it.</summary>
public sealed record SyncRunSummary(long Id, SyncMode Mode, SyncRunStatus Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, EntityCounts> Counts, int Requests, int Retries, int Throttled, string? Error, string? ImportedFile = null)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>What kind of run it was, in words: "Import · orders_export.csv" for an uploaded file, else "Full sync" or "Incremental sync".</summary>
    public string Label => ImportedFile is { } file ? $"Import · {file}" : Mode == SyncMode.Full ? "Full sync" : "Incremental sync";

    public static SyncRunSummary From(SyncRun run) => new(run.Id, run.Mode, run.Status, run.StartedAt, run.FinishedAt,
        JsonSerializer.Deserialize<Dictionary<string, EntityCounts>>(run.CountsJson) ?? [], run.Requests, run.Retries, run.Throttled, run.Error, run.ImportedFile);
}

/// <summary>One store card: where it is, what Nexus holds from it, and how its syncs went.</summary>
public sealed record StoreOverview(StoreSummary Store, string SyncCron, bool SchedulePaused, int RequestsPerMinute, string? ActiveSyncJobId,
    int Customers, int Products, int Orders, int Quarantined, SyncRunSummary? LastRun, string? QualityGrade = null, double? QualityScore = null)
{
    /// <summary>
    /// The card's counts while a sync runs: the database counts were read before the sync stored anything, so a
    /// first sync would show 0 customers while the progress panel shows 2,000. Every record the running sync has
    /// stored (inserted, updated or unchanged) is in the database, so the store holds at least that many.
    /// </summary>
    public StoreOverview WithLiveCounts(IReadOnlyDictionary<string, EntityCounts> running) => this with
    {
        Customers = AtLeast(Customers, running, SyncEntity.Customers),
        Products = AtLeast(Products, running, SyncEntity.Products),
        Orders = AtLeast(Orders, running, SyncEntity.Orders),
        Quarantined = Math.Max(Quarantined, (int)running.Values.Sum(c => c.Quarantined)),
    };

    private static int AtLeast(int stored, IReadOnlyDictionary<string, EntityCounts> running, SyncEntity entity) =>
        running.TryGetValue(entity.ToString(), out var c) ? (int)Math.Max(stored, c.Inserted + c.Updated + c.Unchanged) : stored;
}

/// <summary>Read model for the Stores pages. Counts run in the database, scoped to the tenant.</summary>
public sealed class StoreOverviewQuery(IDbContextFactory<NexusDbContext> factory)
{
    public async Task<IReadOnlyList<StoreOverview>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var result = new List<StoreOverview>(stores.Count);
        foreach (var s in stores)
        {
            result.Add(await BuildAsync(db, s, cancellationToken));
        }
        return result;
    }

    public async Task<StoreOverview?> GetAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        return store is null ? null : await BuildAsync(db, store, cancellationToken);
    }

    public async Task<IReadOnlyList<SyncRunSummary>> HistoryAsync(Guid tenantId, int storeId, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.StoreId == storeId).OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
        return runs.Select(SyncRunSummary.From).ToList();
    }

    private static async Task<StoreOverview> BuildAsync(NexusDbContext db, ConnectedStore s, CancellationToken cancellationToken)
    {
        var lastRun = await db.SyncRuns.AsNoTracking().Where(r => r.StoreId == s.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        // The grade of the latest complete sync or re-validation (the report card recomputes it live).
        var quality = await db.QualitySnapshots.AsNoTracking().Where(q => q.StoreId == s.Id).OrderByDescending(q => q.Id)
            .Select(q => new { q.Grade, q.Score }).FirstOrDefaultAsync(cancellationToken);
        return new StoreOverview(
            new StoreSummary(s.Id, s.Name, s.Platform, s.BaseUrl, s.CreatedAt, s.RequestsPerMinute), s.SyncCron, s.SchedulePaused, s.RequestsPerMinute, s.ActiveSyncJobId,
            await db.Customers.CountAsync(c => c.StoreId == s.Id, cancellationToken),
            await db.Products.CountAsync(p => p.StoreId == s.Id, cancellationToken),
            await db.Orders.CountAsync(o => o.StoreId == s.Id, cancellationToken),
            await db.Quarantine.CountAsync(q => q.StoreId == s.Id, cancellationToken),
            lastRun is null ? null : SyncRunSummary.From(lastRun), quality?.Grade, quality?.Score);
    }
}
