using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Currency;
using Nexus.Tests.Currency;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Components.Pages.Overview;

namespace Nexus.Tests.Web.Analytics;

/// <summary>The Overview's "All stores" figures are converted into the reporting currency; one store stays in its own.</summary>
public sealed class OverviewConversionPageTests : AnalyticsPageContext
{
    private static readonly DateTimeOffset Day = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static async Task AddOrderAsync(ScratchStoreDatabase database, int store, string currency, long minor, string customer)
    {
        await using var db = database.CreateDbContext();
        db.Orders.Add(FxDatabase.Order(database.TenantId, store, currency, minor, Day, customer));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task All_stores_shows_euros_and_dollars_as_one_converted_figure_and_says_how()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var dollarStore = await TestStores.AddAsync(database, "US", "csv");
        await AddOrderAsync(database, database.StoreId, "EUR", 10_000, "a"); // the first store sells in euros: the default reporting currency
        await AddOrderAsync(database, dollarStore, "USD", 21_000, "b");
        // A made-up rate for the day (this test is about the page, not the ECB file): $2.10 per EUR, so $210 = €100.
        await new FxRateStore(database, TimeProvider.System, NullLogger<FxRateStore>.Instance)
            .ImportAsync([new FxRate { Currency = "USD", Day = DateOnly.FromDateTime(Day.UtcDateTime).DayNumber, PerEur = 2.10 }]);
        Use(database);

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-tiles]")), TimeSpan.FromSeconds(10));
        Assert.Equal("200.00\u00A0EUR", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-testid=kpi-orders] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Contains("All stores in EUR", page.Find("[data-testid=conversion-caption]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=currency-picker]")); // nothing to pick: one converted figure
    }
}
