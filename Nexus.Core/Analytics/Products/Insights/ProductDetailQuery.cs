using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>A customer who bought the product: name and e-mail as the store knows them, orders, units and net value.</summary>
public sealed record ProductCustomer(string Name, string? Email, int Orders, double Units, decimal Revenue);

/// <summary>A pair "bought with this product", the other product named.</summary>
public sealed record ProductPartner(string ProductId, string Name, BasketPair Pair);

/// <summary>Everything the product page shows.</summary>
/// <param name="Chart">Weekly history and the 90-day forecast by week, for the Forecasts chart.</param>
/// <param name="Next30">The product's (all variants together) 30-day forecast; <paramref name="Next90"/> the 90-day one.</param>
public sealed record ProductDetail(int StoreId, string StoreName, string ProductId, string Name, string Currency, DateOnly AsOf, DateTimeOffset UpdatedAt,
    SalesForecast Chart, ProductForecast Next30, ProductForecast Next90, IReadOnlyList<ProductInsight> Rows,
    IReadOnlyList<ProductCustomer> TopCustomers, IReadOnlyList<ProductPartner> BoughtTogether);

/// <summary>
/// One product of a store: its cached rows (the product, or each variant), its forecast over all variants from its own
/// daily sums (grouped per day in SQL), its best customers and the products bought with it. Tenant-walled: the cache and
/// every read go through contexts scoped to the tenant, so another tenant's store id finds nothing.
/// </summary>
public sealed class ProductDetailQuery(IDbContextFactory<NexusDbContext> factory, ProductCache cache)
{
    public const int TopCustomerCount = 10;

    /// <summary>Null when the store is not the tenant's, has no analysis yet, or the analysis has no such product.</summary>
    public async Task<ProductDetail?> LoadAsync(Guid tenantId, int storeId, string productId, CancellationToken cancellationToken = default)
    {
        var cached = await cache.GetAsync(tenantId, storeId, cancellationToken);
        if (cached?.Insights is not { } insights) return null;
        var rows = insights.Products.Where(p => p.ProductId == productId).ToList();
        if (rows.Count == 0) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var storeName = await db.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => s.Name).FirstAsync(cancellationToken);
        var lines = Lines(db, storeId, productId, insights);
        var days = await lines.GroupBy(l => l.OrderCreatedAt).Select(g => new { g.Key, Units = g.Sum(l => l.Quantity) }).ToListAsync(cancellationToken);
        if (days.Count == 0) return null; // the lines are gone since the analysis (the product's orders were removed)
        // Order times are summed in SQL, their days by the engine's own series builder (one product: a few thousand rows at most).
        var daily = ProductAnalysis.History(days.Select(d => new ProductDay { ProductPlatformId = productId, DayNumber = DateOnly.FromDateTime(d.Key.UtcDateTime).DayNumber, Units = d.Units }),
            insights.AsOf, insights.Currency).Units;
        var next30 = ProductForecaster.Forecast(daily, ProductInsights.ShortHorizon);
        var next90 = ProductForecaster.Forecast(daily, ProductInsights.LongHorizon);
        var names = insights.Products.Where(p => p.Analysis.Name is not null).GroupBy(p => p.ProductId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        var partners = insights.Pairs.Where(p => p.A == productId)
            .Select(p => new ProductPartner(p.B, names.GetValueOrDefault(p.B, $"Product {p.B}"), p)).ToList();
        return new ProductDetail(storeId, storeName, productId, rows[0].DisplayName, insights.Currency, insights.AsOf, cached.UpdatedAt,
            ProductWeeklyPath.Build(daily, insights.AsOf, next90, ProductInsights.LongHorizon), next30, next90, rows,
            await TopCustomersAsync(db, lines, storeId, insights.Currency, cancellationToken), partners);
    }

    /// <summary>The product's lines the analysis counted: revenue orders in its currency through its as-of day.</summary>
    private static IQueryable<Storage.Records.StoredOrderLine> Lines(NexusDbContext db, int storeId, string productId, ProductInsights insights)
    {
        var statuses = ScopedOrders.RevenueStatuses.ToArray();
        var end = new DateTimeOffset(insights.AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var currency = insights.Currency;
        return db.OrderLines.AsNoTracking().Where(l => l.StoreId == storeId && l.ProductPlatformId == productId && l.Currency == currency
            && statuses.Contains(l.OrderStatus) && l.OrderCreatedAt < end);
    }

    private static async Task<IReadOnlyList<ProductCustomer>> TopCustomersAsync(NexusDbContext db, IQueryable<Storage.Records.StoredOrderLine> lines, int storeId,
        string currency, CancellationToken cancellationToken)
    {
        var bought = await lines
            .Join(db.Orders.AsNoTracking(), l => new { l.StoreId, Id = l.OrderPlatformId }, o => new { o.StoreId, Id = o.PlatformId },
                (l, o) => new { l.OrderPlatformId, l.Quantity, l.NetMinor, o.CustomerPlatformId, o.BillingEmail })
            .Where(x => x.CustomerPlatformId != null || x.BillingEmail != null)
            .GroupBy(x => new { x.CustomerPlatformId, Email = x.CustomerPlatformId == null ? x.BillingEmail : null })
            .Select(g => new { g.Key.CustomerPlatformId, g.Key.Email, Orders = g.Select(x => x.OrderPlatformId).Distinct().Count(), Units = g.Sum(x => x.Quantity), Net = g.Sum(x => x.NetMinor) })
            .OrderByDescending(x => x.Net).ThenByDescending(x => x.Units).Take(TopCustomerCount)
            .ToListAsync(cancellationToken);
        var ids = bought.Where(b => b.CustomerPlatformId != null).Select(b => b.CustomerPlatformId!).ToList();
        var accounts = await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && ids.Contains(c.PlatformId))
            .Select(c => new { c.PlatformId, c.FirstName, c.LastName, c.Email }).ToDictionaryAsync(c => c.PlatformId, cancellationToken);
        return bought.Select(b =>
        {
            var account = b.CustomerPlatformId is { } id ? accounts.GetValueOrDefault(id) : null;
            var name = string.Join(' ', new[] { account?.FirstName, account?.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            var email = account?.Email ?? b.Email;
            return new ProductCustomer(name.Length > 0 ? name : b.CustomerPlatformId is null ? "Guest" : $"Customer {b.CustomerPlatformId}", email, b.Orders, b.Units,
                MinorUnits.FromMinor(b.Net, currency));
        }).ToList();
    }
}
