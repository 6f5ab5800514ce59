using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>A product's (or variant's) refunds over a window: refunded and paid line value in major units.</summary>
/// <param name="RefundedOfSales">The part of <paramref name="Refunded"/> given back on orders that still count as sales (revenue
/// statuses: partial refunds). A fully refunded order is in neither revenue nor units, so its refund is not taken off them.</param>
public sealed record ProductRefunds(decimal Refunded, decimal Paid, decimal RefundedOfSales = 0)
{
    /// <summary>Refunded ÷ paid, as the Overview's refund rate; null when nothing was paid.</summary>
    public double? Rate => Paid > 0 ? (double)(Refunded / Paid) : null;
}

/// <summary>
/// Refunds per product and variant, from <c>order_lines</c> joined to their orders in SQL. Refunds are stored per
/// order (the refund's own lines are only in the payload, which analytics never parse), so an order's refunded amount
/// is given to its lines in proportion to their share of the order total: a fully refunded order refunds every line,
/// a 10 % refund 10 % of each. Paid orders (revenue statuses and Refunded, as the Overview's refund rate) in the
/// window, in the scope's currency, tenant-filtered through the context.
/// </summary>
public sealed class ProductRefundsQuery(IDbContextFactory<NexusDbContext> factory)
{
    public async Task<IReadOnlyDictionary<(string, string?), ProductRefunds>> LoadAsync(AnalyticsScope scope, DateOnly from, DateOnly through, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, scope, cancellationToken);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(through.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var statuses = ScopedOrders.PaidStatuses.ToArray();
        var sales = ScopedOrders.RevenueStatuses.ToArray();
        var currency = scope.Currency;
        var rows = await db.OrderLines.AsNoTracking()
            .Where(l => storeIds.Contains(l.StoreId) && l.Currency == currency && statuses.Contains(l.OrderStatus)
                        && l.OrderCreatedAt >= start && l.OrderCreatedAt < end && l.ProductPlatformId != null)
            .Join(db.Orders.AsNoTracking(), l => new { l.StoreId, Id = l.OrderPlatformId }, o => new { o.StoreId, Id = o.PlatformId },
                (l, o) => new { l.ProductPlatformId, l.VariantPlatformId, l.NetMinor, o.TotalMinor, o.RefundedMinor, Sale = sales.Contains(l.OrderStatus) })
            .GroupBy(x => new { x.ProductPlatformId, x.VariantPlatformId })
            .Select(g => new
            {
                g.Key.ProductPlatformId,
                g.Key.VariantPlatformId,
                Paid = g.Sum(x => x.NetMinor),
                Refunded = g.Sum(x => x.TotalMinor > 0 ? (double)x.NetMinor * (x.RefundedMinor < x.TotalMinor ? x.RefundedMinor : x.TotalMinor) / x.TotalMinor : 0.0),
                RefundedOfSales = g.Sum(x => x.Sale && x.TotalMinor > 0 ? (double)x.NetMinor * (x.RefundedMinor < x.TotalMinor ? x.RefundedMinor : x.TotalMinor) / x.TotalMinor : 0.0),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.ProductPlatformId!, r.VariantPlatformId),
            r => new ProductRefunds(MinorUnits.FromMinor((long)Math.Round(r.Refunded), currency), MinorUnits.FromMinor(r.Paid, currency),
                MinorUnits.FromMinor((long)Math.Round(r.RefundedOfSales), currency)));
    }
}
