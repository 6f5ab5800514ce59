using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Currency;
using Nexus.Core.Platforms;
using Nexus.Tests.Currency;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Analytics.Metrics;

/// <summary>
/// Three stores of one merchant: Berlin (WooCommerce, EUR), New York (WooCommerce, USD) and Paris (Shopify, EUR), compared in
/// pounds. The rates are made up for the one day of the orders so the pounds can be worked out by hand: 2 USD and 0.5 GBP per
/// EUR, so €1 = £0.50 and $1 = £0.25.
/// </summary>
public sealed class StoreComparisonQueryTests
{
    private static readonly DateTimeOffset Day = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly ReportSelection March = ReportSelection.Parse("range=custom&from=2025-03-01&to=2025-03-31");

    private static async Task AddOrdersAsync(ScratchStoreDatabase database, params Nexus.Core.Storage.Records.StoredOrder[] orders)
    {
        await using var db = database.CreateDbContext();
        db.Orders.AddRange(orders);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_store_is_converted_into_the_reporting_currency_and_each_platform_adds_up_its_stores()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync(); // its store is Berlin
        var (tenant, berlin) = (database.TenantId, database.StoreId);
        var newYork = await TestStores.AddAsync(database, "New York", "woocommerce");
        var paris = await TestStores.AddAsync(database, "Paris", "shopify");
        await AddOrdersAsync(database,
            FxDatabase.Order(tenant, berlin, "EUR", 100_00, Day, "a"),
            FxDatabase.Order(tenant, berlin, "EUR", 50_00, Day, "a"),
            FxDatabase.Order(tenant, berlin, "EUR", 40_00, Day, "b", refundedMinor: 10_00),
            FxDatabase.Order(tenant, berlin, "EUR", 1000_00, Day.AddDays(40), "a"), // April: outside the chosen days
            FxDatabase.Order(tenant, newYork, "USD", 200_00, Day, "c"),
            FxDatabase.Order(tenant, newYork, "USD", 60_00, Day, "d"),
            FxDatabase.Order(tenant, paris, "EUR", 25_00, Day, "e"));
        var day = DateOnly.FromDateTime(Day.UtcDateTime).DayNumber;
        await new FxRateStore(database, TimeProvider.System, NullLogger<FxRateStore>.Instance).ImportAsync(
            [new FxRate { Currency = "USD", Day = day, PerEur = 2.0 }, new FxRate { Currency = "GBP", Day = day, PerEur = 0.5 }]);
        var currencies = new ReportingCurrencies(database);
        await currencies.SetAsync(tenant, "GBP");
        var platforms = new[] { Platform("woocommerce", "WooCommerce"), Platform("shopify", "Shopify") };
        var query = new StoreComparisonQuery(new OverviewQuery(database), new ReportFilterQuery(database, platforms), currencies);

        var comparison = await query.RunAsync(tenant, March, TimeProvider.System);

        Assert.Equal("GBP", comparison.Currency);
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)), (comparison.Period.FirstDay, comparison.Period.LastDay));
        Assert.Equal(["bench", "New York", "Paris"], comparison.Stores.Select(s => s.Name)); // most revenue first
        var (b, n, p) = (comparison.Stores[0].Kpis, comparison.Stores[1].Kpis, comparison.Stores[2].Kpis);
        // Berlin: €100 + €50 + (€40 − €10 refunded) = €180 = £90 from 3 orders of 2 customers, one of whom ordered twice.
        Assert.Equal((90m, 3, 30m, 2, 0.5), (b.Revenue, b.Orders, b.AverageOrderValue, b.Customers, b.RepeatPurchaseRate!.Value));
        // Refunds £5 of paid orders worth £95 (€190).
        Assert.Equal(5.0 / 95.0, b.RefundRate!.Value, 12);
        // New York: $200 + $60 = $260 = £65, two one-order customers, nothing refunded.
        Assert.Equal((65m, 2, 32.5m, 2, 0.0, 0.0), (n.Revenue, n.Orders, n.AverageOrderValue, n.Customers, n.RepeatPurchaseRate!.Value, n.RefundRate!.Value));
        Assert.Equal((12.5m, 1, 1), (p.Revenue, p.Orders, p.Customers));
        Assert.Equal("WooCommerce", comparison.Stores[1].Platform);

        Assert.Equal(["WooCommerce", "Shopify"], comparison.Platforms.Select(r => r.Name));
        var woo = comparison.Platforms[0].Kpis;
        // WooCommerce = Berlin + New York: £155 from 5 orders, 4 customers of whom 1 repeated, £5 refunded of £160 paid.
        Assert.Equal((b.Revenue + n.Revenue, b.Orders + n.Orders, b.Customers + n.Customers), (woo.Revenue, woo.Orders, woo.Customers));
        Assert.Equal((155m, 5, 31m, 4, 0.25), (woo.Revenue, woo.Orders, woo.AverageOrderValue, woo.Customers, woo.RepeatPurchaseRate!.Value));
        Assert.Equal(5.0 / 160.0, woo.RefundRate!.Value, 12);
        Assert.Equal((12.5m, 1), (comparison.Platforms[1].Kpis.Revenue, comparison.Platforms[1].Kpis.Orders));
        Assert.Equal(0, comparison.Conversion.UnconvertedOrders);

        // The platform filter keeps that platform's stores only.
        var shopifyOnly = await query.RunAsync(tenant, March with { Platform = "shopify" }, TimeProvider.System);
        Assert.Equal(["Paris"], shopifyOnly.Stores.Select(s => s.Name));
    }

    [Fact]
    public async Task Another_merchants_stores_never_appear()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await AddOrdersAsync(database, FxDatabase.Order(database.TenantId, database.StoreId, "EUR", 10_00, Day, "a"));
        var query = new StoreComparisonQuery(new OverviewQuery(database), new ReportFilterQuery(database, []), new ReportingCurrencies(database));

        var stranger = await query.RunAsync(Guid.NewGuid(), March, TimeProvider.System);

        Assert.Empty(stranger.Stores);
        Assert.Empty(stranger.Platforms);
    }

    private static PlatformDescriptor Platform(string id, string name) => new() { Id = id, DisplayName = name, Credentials = [], CreateConnector = (_, _) => null! };
}
