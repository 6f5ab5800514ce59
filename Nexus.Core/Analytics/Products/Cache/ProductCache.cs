using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products.Cache;

/// <summary>A store's cached product analysis as pages read it.</summary>
/// <param name="Insights">Null while the first computation runs or when it failed.</param>
public sealed record CachedProducts(int StoreId, ProductCacheStatus Status, DateTimeOffset UpdatedAt, string Currency, ProductInsights? Insights, string? Error);

/// <summary>
/// Reads and writes cached product analyses, always through a context scoped to one tenant (as <c>ForecastCache</c>), so
/// one tenant's analysis can never be read or overwritten with another's store id.
/// </summary>
public sealed class ProductCache(IDbContextFactory<NexusDbContext> factory, TimeProvider clock)
{
    /// <summary>Web defaults plus ∞/NaN as strings: an ADI with no demand and the CV of a product without sales are infinite.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The cached analysis of a tenant's store; null when none was ever computed (or the store is not the tenant's).</summary>
    public async Task<CachedProducts?> GetAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var entry = await db.ProductCache.AsNoTracking().FirstOrDefaultAsync(e => e.StoreId == storeId, cancellationToken);
        return entry is null ? null : Read(entry);
    }

    /// <summary>Every cached analysis of a tenant's stores (the "all stores" list), by store id.</summary>
    public async Task<IReadOnlyList<CachedProducts>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var entries = await db.ProductCache.AsNoTracking().OrderBy(e => e.StoreId).ToListAsync(cancellationToken);
        return entries.Select(Read).ToList();
    }

    /// <summary>Marks a store's analysis as being computed (keeping the previous one visible meanwhile).</summary>
    public Task MarkComputingAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default) =>
        UpsertAsync(tenantId, storeId, entry => entry.Status = nameof(ProductCacheStatus.Computing), cancellationToken);

    /// <summary>Stores a computed analysis.</summary>
    public Task SaveAsync(Guid tenantId, int storeId, ProductInsights insights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(insights);
        return UpsertAsync(tenantId, storeId, entry =>
        {
            entry.Status = nameof(ProductCacheStatus.Ready);
            entry.Currency = insights.Currency;
            entry.PayloadJson = JsonSerializer.Serialize(insights, Json);
            entry.Error = null;
        }, cancellationToken);
    }

    /// <summary>Records a failed computation in plain words (the previous analysis, if any, stays).</summary>
    public Task SaveFailureAsync(Guid tenantId, int storeId, string error, CancellationToken cancellationToken = default) =>
        UpsertAsync(tenantId, storeId, entry =>
        {
            entry.Status = nameof(ProductCacheStatus.Failed);
            entry.Error = error;
        }, cancellationToken);

    private static CachedProducts Read(ProductCacheEntry entry) => new(entry.StoreId, Enum.Parse<ProductCacheStatus>(entry.Status), entry.UpdatedAt, entry.Currency,
        entry.PayloadJson is null ? null : JsonSerializer.Deserialize<ProductInsights>(entry.PayloadJson, Json), entry.Error);

    private async Task UpsertAsync(Guid tenantId, int storeId, Action<ProductCacheEntry> change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        if (!(await ScopedOrders.StoreIdsAsync(db, new AnalyticsScope(tenantId, storeId, ""), cancellationToken)).Contains(storeId))
            throw new InvalidOperationException($"store {storeId} does not belong to tenant {tenantId}");
        var entry = await db.ProductCache.FirstOrDefaultAsync(e => e.StoreId == storeId, cancellationToken);
        if (entry is null)
        {
            entry = new ProductCacheEntry { TenantId = tenantId, StoreId = storeId };
            db.ProductCache.Add(entry);
        }
        change(entry);
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
