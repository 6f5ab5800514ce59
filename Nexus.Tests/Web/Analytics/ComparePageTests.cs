using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Currency;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Tests.Currency;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Components.Pages.Compare;

namespace Nexus.Tests.Web.Analytics;

public sealed class ComparePageTests : AnalyticsPageContext
{
    private static readonly DateTimeOffset Day = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_stores_in_different_currencies_are_shown_side_by_side_in_the_reporting_currency()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync(); // "bench", WooCommerce, sells in euros
        var dollarStore = await TestStores.AddAsync(database, "US", "woocommerce");
        await using (var db = database.CreateDbContext())
        {
            db.Orders.Add(FxDatabase.Order(database.TenantId, database.StoreId, "EUR", 40_00, Day, "a"));
            db.Orders.Add(FxDatabase.Order(database.TenantId, database.StoreId, "EUR", 60_00, Day, "a"));
            db.Orders.Add(FxDatabase.Order(database.TenantId, dollarStore, "USD", 315_00, Day, "b"));
            await db.SaveChangesAsync();
        }
        // $2.10 per EUR on the day: $315 = €150.
        await new FxRateStore(database, TimeProvider.System, NullLogger<FxRateStore>.Instance)
            .ImportAsync([new FxRate { Currency = "USD", Day = DateOnly.FromDateTime(Day.UtcDateTime).DayNumber, PerEur = 2.10 }]);
        Use(database);

        var page = Render<Compare>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=store-rows] tbody tr")), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("[data-testid=store-rows] tbody tr");
        string Cell(int row, string column) => rows[row].QuerySelector($"[data-testid={column}]")!.TextContent.Trim();
        Assert.Equal(["US", "bench"], rows.Select((_, i) => Cell(i, "name")));
        Assert.Equal(("150.00\u00A0EUR", "1", "0.0\u00A0%"), (Cell(0, "revenue"), Cell(0, "orders"), Cell(0, "repeat")));
        Assert.Equal(("100.00\u00A0EUR", "2", "50.00\u00A0EUR", "100.0\u00A0%"), (Cell(1, "revenue"), Cell(1, "orders"), Cell(1, "aov"), Cell(1, "repeat")));
        // Both are WooCommerce stores: the platform row is their sum.
        var platform = page.Find("[data-testid=platform-rows] tbody tr");
        Assert.Equal("250.00\u00A0EUR", platform.QuerySelector("[data-testid=revenue]")!.TextContent.Trim());
        Assert.Equal("2", platform.QuerySelector("[data-testid=customers]")!.TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=comparison-chart]"));
        Assert.Contains("All stores in EUR", page.Find("[data-testid=conversion-caption]").TextContent);
    }

    [Fact]
    public async Task A_merchant_with_one_store_is_told_there_is_nothing_to_compare_yet()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);

        var page = Render<Compare>();

        var empty = page.WaitForElement("[data-testid=empty-state]", TimeSpan.FromSeconds(10));
        Assert.Contains("Only one store to compare", empty.TextContent);
        Assert.Equal("stores", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=store-rows]"));
    }
}
