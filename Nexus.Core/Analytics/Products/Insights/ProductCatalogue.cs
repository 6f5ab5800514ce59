using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>What the Products page can show for a scope, in the order the page checks.</summary>
public enum ProductListState
{
    /// <summary>No analysis was ever started for the scope's stores.</summary>
    NotComputed,
    /// <summary>The first analysis is running; nothing to show yet.</summary>
    Computing,
    /// <summary>The analysis failed and there is no earlier one.</summary>
    Failed,
    /// <summary>Analysed, but no paid order has a product line yet.</summary>
    NoSales,
    /// <summary>Products are there, but none has the history a forecast needs.</summary>
    TooLittleHistory,
    Ready,
}

/// <param name="Refreshing">A newer analysis is running while this one is shown.</param>
/// <param name="Error">The plain-words reason of a failed analysis (also when an older one is still shown).</param>
/// <param name="UpdatedAt">When the oldest shown analysis was computed.</param>
public sealed record ProductCatalogueView(ProductListState State, IReadOnlyList<ProductListItem> Rows, bool Refreshing, string? Error, DateTimeOffset? UpdatedAt);

/// <summary>
/// The cached products of one store or all of a tenant's stores (side by side: each store is analysed on its own ids),
/// with the state the page's empty states are chosen from. Reads only through the tenant-walled <see cref="ProductCache"/>.
/// </summary>
public sealed class ProductCatalogue(ProductCache cache, IDbContextFactory<NexusDbContext> factory)
{
    /// <param name="storeId">Null for all of the tenant's stores.</param>
    public async Task<ProductCatalogueView> LoadAsync(Guid tenantId, int? storeId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CachedProducts> entries = storeId is { } id
            ? (await cache.GetAsync(tenantId, id, cancellationToken) is { } one ? [one] : [])
            : await cache.ListAsync(tenantId, cancellationToken);
        Dictionary<int, string> names;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.TenantId = tenantId;
            names = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        }
        var rows = ProductList.Rows(entries, names);
        var refreshing = entries.Any(e => e.Status == ProductCacheStatus.Computing);
        var error = entries.FirstOrDefault(e => e.Status == ProductCacheStatus.Failed)?.Error;
        var shown = entries.Where(e => e.Insights is not null).ToList();
        var updated = shown.Count == 0 ? (DateTimeOffset?)null : shown.Min(e => e.UpdatedAt);
        var state = entries.Count == 0 ? ProductListState.NotComputed
            : shown.Count == 0 ? (refreshing ? ProductListState.Computing : ProductListState.Failed)
            : rows.Count == 0 ? ProductListState.NoSales
            : rows.All(r => r.Product.Next30.ColdStart) ? ProductListState.TooLittleHistory
            : ProductListState.Ready;
        return new ProductCatalogueView(state, rows, refreshing, error, updated);
    }
}
