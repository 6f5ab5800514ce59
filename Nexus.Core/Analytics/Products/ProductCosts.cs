using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products;

/// <summary>
/// What a unit of each product and variant costs the merchant, in the analysis currency, where the store holds a cost.
/// A product's own cost is a column; variants have no rows, so their costs come from the product's stored record, read
/// only for products that have variants. A cost in another currency than the analysis is left out (no margin is better
/// than a margin of mixed currencies).
/// </summary>
public static class ProductCosts
{
    /// <summary>(product, null) for a product's own cost, (product, variant) for a variant's.</summary>
    public static async Task<IReadOnlyDictionary<(string, string?), decimal>> LoadAsync(NexusDbContext db, IReadOnlyCollection<int> storeIds, string currency,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var costs = new Dictionary<(string, string?), decimal>();
        var own = await db.Products.AsNoTracking()
            .Where(p => storeIds.Contains(p.StoreId) && p.UnitCostMinor != null && p.UnitCostCurrency == currency)
            .Select(p => new { p.PlatformId, p.UnitCostMinor }).ToListAsync(cancellationToken);
        foreach (var p in own) costs.TryAdd((p.PlatformId, null), MinorUnits.FromMinor(p.UnitCostMinor!.Value, currency));
        var withVariants = db.Products.AsNoTracking().Where(p => storeIds.Contains(p.StoreId) && p.VariantCount > 0).Select(p => p.Payload);
        await foreach (var payload in withVariants.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var product = JsonSerializer.Deserialize<Product>(payload, CanonicalJson.Options)!;
            foreach (var v in product.Variants)
                if (v.UnitCost is { } cost && cost.Currency == currency) costs.TryAdd((product.PlatformId, v.PlatformId), cost.Amount);
        }
        return costs;
    }

    /// <summary>
    /// A row's unit cost: the variant's own, else the product's (a variant without a cost of its own costs what its
    /// product does, as WooCommerce's Cost of Goods treats variations); null when neither is known.
    /// </summary>
    public static decimal? For(IReadOnlyDictionary<(string, string?), decimal> costs, string productId, string? variantId)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (variantId is not null && costs.TryGetValue((productId, variantId), out var variant)) return variant;
        return costs.TryGetValue((productId, null), out var product) ? product : null;
    }
}
