using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>An empty state's words: what is missing and the one thing to do about it.</summary>
public sealed record EmptyStateText(string Title, string Message, string? ActionHref, string? ActionText);

/// <summary>
/// How far a tenant's data has got, so an empty page says what is really missing: no store yet, a store never
/// synced (or still syncing), or synced but without paid orders — not "connect a store" to someone who has.
/// </summary>
/// <param name="FirstStoreName">The store to name in "Sync … now" (the first without a finished sync, else the first).</param>
public sealed record DataStatus(int Stores, int SyncedStores, bool Syncing, long RevenueOrders, string? FirstStoreName)
{
    /// <param name="what">What the page shows, e.g. "your revenue, orders and customers".</param>
    public EmptyStateText Explain(string what) => this switch
    {
        { Stores: 0 } => new($"Connect a store to see {what}",
            "Nexus shows this once a store is connected and synced. Add your store on the Stores page.", "stores", "Go to Stores"),
        { SyncedStores: 0, Syncing: true } => new($"{FirstStoreName} is syncing",
            $"Nexus shows {what} as soon as the first sync has finished. Its progress is on the Stores page.", "stores", "See the progress"),
        { SyncedStores: 0 } => new($"Sync {FirstStoreName} to see {what}",
            $"{FirstStoreName} is connected but has not finished a sync yet. Click Sync now on the Stores page to bring in its orders.", "stores", "Go to Stores"),
        { RevenueOrders: 0 } => new($"No paid orders yet",
            $"Your stores are synced, but none of their orders is completed, processing or on hold yet, so there is nothing to show for {what}. New orders appear after the next sync.",
            "stores", "See your stores"),
        _ => new($"Nothing to show for {what} yet", "Your stores are synced and have paid orders; this view has no figures for the chosen scope.", null, null),
    };

    public static async Task<DataStatus> ForTenantAsync(IDbContextFactory<NexusDbContext> factory, Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, Syncing = s.ActiveSyncJobId != null }).ToListAsync(cancellationToken);
        var synced = await db.SyncRuns.AsNoTracking().Where(r => r.Status == SyncRunStatus.Succeeded).Select(r => r.StoreId).Distinct().ToListAsync(cancellationToken);
        var revenue = await db.Orders.AsNoTracking().Revenue().LongCountAsync(cancellationToken);
        var waiting = stores.FirstOrDefault(s => !synced.Contains(s.Id)) ?? stores.FirstOrDefault();
        return new DataStatus(stores.Count, stores.Count(s => synced.Contains(s.Id)), stores.Any(s => s.Syncing), revenue, waiting?.Name);
    }
}
