using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;
using Nexus.Core.Storage.Sql;

namespace Nexus.Core.Analytics.Products;

/// <summary>Units and net revenue (minor units) of one product (and variant) on one UTC day.</summary>
public sealed class ProductDay
{
    public string ProductPlatformId { get; set; } = "";
    public string? VariantPlatformId { get; set; }
    public int DayNumber { get; set; }
    public double Units { get; set; }
    public long NetMinor { get; set; }

    public DateOnly Day => DateOnly.FromDayNumber(DayNumber);
}

/// <summary>Which products one order held, for market-basket pairs.</summary>
public sealed class OrderProduct
{
    public string OrderPlatformId { get; set; } = "";
    public string ProductPlatformId { get; set; } = "";
}

/// <summary>What the product analysis reads: daily sums per product and variant, order→product sets, stock on hand, unit costs.</summary>
/// <param name="Costs">Unit costs in the analysis currency (see <see cref="ProductCosts"/>); null or missing entries: no cost known.</param>
public sealed record ProductSales(IReadOnlyList<ProductDay> Days, IReadOnlyList<OrderProduct> OrderProducts, IReadOnlyDictionary<string, int?> Stock, IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<(string, string?), decimal>? Costs = null)
{
    /// <summary>The row's unit cost, or null when the store holds none.</summary>
    public decimal? UnitCost(string productId, string? variantId) => Costs is null ? null : ProductCosts.For(Costs, productId, variantId);
}

/// <summary>
/// Reads <c>order_lines</c> of revenue orders (<see cref="ScopedOrders.RevenueStatuses"/>) in the scope's currency up to
/// its <see cref="AnalyticsScope.Through"/> day, summed per product, variant and UTC day by the database (GROUP BY), never
/// parsing order JSON. The store ids come from the tenant-filtered context (as every analytics read) and the SQL also
/// checks TenantId, so another tenant's lines cannot leak in even if a store id is guessed.
/// </summary>
public sealed class ProductSalesQuery(IDbContextFactory<NexusDbContext> factory)
{
    /// <summary>
    /// OrderCreatedAt is stored by <see cref="DateTimeOffsetToBinaryConverter"/>: (ticks / 1000) &lt;&lt; 11 with the offset in the
    /// low bits (always 0: Nexus stores UTC). Dividing by one day in that unit gives the day number in SQL.
    /// </summary>
    internal const long StoredUnitsPerDay = (TimeSpan.TicksPerDay / 1000) << 11;

    public async Task<ProductSales> LoadAsync(AnalyticsScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, scope, cancellationToken);
        if (storeIds.Count == 0) return new ProductSales([], [], new Dictionary<string, int?>(), new Dictionary<string, string>());
        var end = scope.Through is { } through
            ? (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(through.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))!
            : long.MaxValue;
        var parameters = new List<object> { scope.TenantId, scope.Currency, end };
        var statuses = string.Join(", ", ScopedOrders.RevenueStatuses.Select(s => Add(s)));
        var stores = string.Join(", ", storeIds.Select(s => Add(s)));
        // Identifiers quoted as the provider quotes them (PostgreSQL folds unquoted names to lower case); the sums are
        // cast back to the column types (PostgreSQL widens SUM(bigint) to numeric) so both engines return the same types.
        var lines = MappedTable.For<StoredOrderLine>(db);
        string C(string property) => lines.Column(property);
        var (product, variant, created) = (C(nameof(StoredOrderLine.ProductPlatformId)), C(nameof(StoredOrderLine.VariantPlatformId)), C(nameof(StoredOrderLine.OrderCreatedAt)));
        var where = $$"""
            WHERE {{C(nameof(StoredOrderLine.StoreId))}} IN ({{stores}}) AND {{C(nameof(StoredOrderLine.TenantId))}} = {0} AND {{C(nameof(StoredOrderLine.Currency))}} = {1}
              AND {{created}} < {2} AND {{C(nameof(StoredOrderLine.OrderStatus))}} IN ({{statuses}}) AND {{product}} IS NOT NULL
            """;
        // Only placeholders, quoted identifiers and constants are spliced in; every value travels as a parameter.
        var daySql = $$"""
            SELECT {{product}} AS "ProductPlatformId", {{variant}} AS "VariantPlatformId", CAST({{created}} / {{StoredUnitsPerDay}} AS INTEGER) AS "DayNumber",
                   CAST(SUM({{C(nameof(StoredOrderLine.Quantity))}}) AS DOUBLE PRECISION) AS "Units", CAST(SUM({{C(nameof(StoredOrderLine.NetMinor))}}) AS BIGINT) AS "NetMinor"
            FROM {{lines.Name}} {{where}}
            GROUP BY {{product}}, {{variant}}, CAST({{created}} / {{StoredUnitsPerDay}} AS INTEGER)
            """;
        var days = await db.Database.SqlQueryRaw<ProductDay>(daySql, [.. parameters]).ToListAsync(cancellationToken);
        var basketSql = $"SELECT DISTINCT {C(nameof(StoredOrderLine.OrderPlatformId))} AS \"OrderPlatformId\", {product} AS \"ProductPlatformId\" FROM {lines.Name} {where}";
        var orderProducts = await db.Database.SqlQueryRaw<OrderProduct>(basketSql, [.. parameters]).ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => storeIds.Contains(p.StoreId))
            .Select(p => new { p.PlatformId, p.StockQuantity, p.Name }).ToListAsync(cancellationToken);
        var costs = await ProductCosts.LoadAsync(db, storeIds, scope.Currency, cancellationToken);
        return new ProductSales(days, orderProducts,
            products.GroupBy(p => p.PlatformId).ToDictionary(g => g.Key, g => g.First().StockQuantity),
            products.GroupBy(p => p.PlatformId).ToDictionary(g => g.Key, g => g.First().Name), costs);

        string Add(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }
    }
}
