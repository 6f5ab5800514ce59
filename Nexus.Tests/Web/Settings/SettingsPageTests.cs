using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Currency;
using Nexus.Tests.Currency;
using Nexus.Tests.Web.Analytics;
using Nexus.Web.Components.Pages.Settings;

namespace Nexus.Tests.Web.Settings;

/// <summary>The Settings page's reporting currency, on the real services over a scratch database.</summary>
public sealed class SettingsPageTests : AnalyticsPageContext
{
    private static async Task<ScratchStoreDatabase> DatabaseWithDollarStoreAsync()
    {
        var database = await ScratchStoreDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        db.Orders.Add(FxDatabase.Order(database.TenantId, database.StoreId, "USD", 1_000, new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)));
        await db.SaveChangesAsync();
        return database;
    }

    private IRenderedComponent<Nexus.Web.Components.Pages.Settings.Settings> RenderSettings(ScratchStoreDatabase database)
    {
        Use(database);
        return Render<Nexus.Web.Components.Pages.Settings.Settings>();
    }

    [Fact]
    public async Task Shows_the_first_stores_currency_as_the_default_and_goes_back_to_it_from_a_choice()
    {
        await using var database = await DatabaseWithDollarStoreAsync();
        await new FxRateStore(database, TimeProvider.System, NullLogger<FxRateStore>.Instance)
            .ImportAsync([new FxRate { Currency = "USD", Day = new DateOnly(2025, 3, 3).DayNumber, PerEur = 1.05 }, new FxRate { Currency = "GBP", Day = new DateOnly(2025, 3, 3).DayNumber, PerEur = 0.83 }]);
        var page = RenderSettings(database);

        page.WaitForAssertion(() => Assert.Contains("USD (the default: your first store's currency)", page.Find("[data-testid=reporting-currency-now]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("ECB rates loaded up to 2025-03-03", page.Find("[data-testid=reporting-currency]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=reporting-currency-default]"));

        await new ReportingCurrencies(database).SetAsync(database.TenantId, "GBP");
        var again = Render<ReportingCurrencyPanel>(p => p.Add(x => x.TenantId, database.TenantId));
        again.WaitForAssertion(() => Assert.Contains("GBP (your choice)", again.Find("[data-testid=reporting-currency-now]").TextContent), TimeSpan.FromSeconds(10));

        again.Find("[data-testid=reporting-currency-default] button, button[data-testid=reporting-currency-default]").Click();
        again.WaitForAssertion(() => Assert.Contains("USD (the default", again.Find("[data-testid=reporting-currency-now]").TextContent), TimeSpan.FromSeconds(10));
        Assert.False(await new ReportingCurrencies(database).IsChosenAsync(database.TenantId));
    }
}
