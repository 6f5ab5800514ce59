using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Browser;

/// <summary>A merchant adds a CSV store (no address), uploads a Shopify orders export and sees the import's counts.</summary>
[Collection(HostCollection.Name)]
public sealed class CsvImportFlowTests(NexusWebFactory app)
{
    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    [Fact]
    public async Task Create_a_csv_store_upload_an_orders_export_and_see_what_was_imported()
    {
        var email = $"csv-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Csv-Pass-1", "Csv", NexusRoles.Merchant);
        }
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, email, "Csv-Pass-1", "/stores");
        await page.GetByText("No stores yet").WaitForAsync();

        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=add-store]", "() => !!document.querySelector('.mud-dialog')"), "the Add store dialog never opened");
        await page.ClickAsync("[data-testid=platform]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "CSV files" }).ClickAsync();
        await page.Locator("[data-testid=uploads-help]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=store-url]").CountAsync());
        await Field(page, "store-name").FillAsync("Old shop history");
        await page.ClickAsync("[data-testid=save-store]");
        await page.GetByText("Old shop history").WaitForAsync();

        var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        int storeId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.Name == "Old shop history" && s.Platform == "csv").Select(s => s.Id).SingleAsync();
        }
        var card = page.Locator($"[data-testid=store-card-{storeId}]");
        await card.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "csv", "shopify_orders_export.csv"));

        // The import's live progress ends in the same summary as a sync's, with the counts of what it did.
        var summary = card.Locator("[data-testid=sync-summary]");
        await summary.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Assertions.Expect(summary).ToContainTextAsync("3 new, 0 updated, 0 unchanged, 0 quarantined");
        await Assertions.Expect(card.Locator("[data-testid=stored-orders] b")).ToHaveTextAsync("3");
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(["#1001", "#1002", "#1003"], await db.Orders.IgnoreQueryFilters().Where(o => o.StoreId == storeId).Select(o => o.PlatformId).OrderBy(n => n).ToListAsync());
        }
        // Like a sync, a finished import refreshes the store's cached forecasts and product outlooks in their own jobs.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        bool refreshed;
        do
        {
            await using var db = await factory.CreateDbContextAsync();
            refreshed = await db.ForecastCache.IgnoreQueryFilters().AnyAsync(e => e.StoreId == storeId)
                && await db.ProductCache.IgnoreQueryFilters().AnyAsync(e => e.StoreId == storeId);
            if (!refreshed) await Task.Delay(250);
        }
        while (!refreshed && DateTime.UtcNow < deadline);
        Assert.True(refreshed, "the import did not enqueue the forecast and product refresh jobs");
    }

    [Fact]
    public async Task An_unrecognised_csv_opens_the_mapping_screen_and_imports_once_its_columns_are_mapped()
    {
        var email = $"csv-map-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Csv-Pass-1", "Csv", NexusRoles.Merchant);
        }
        var file = Path.Combine(Path.GetTempPath(), $"pos-export-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Order No,Date,Total,Email\r\nPOS-1,2024-01-05,12.50,a@example.com\r\nPOS-2,2024-01-06,7.00,b@example.com\r\n");
        try
        {
            var (playwright, browser) = await BrowserSession.LaunchAsync();
            using var _ = playwright;
            await using var __ = browser;
            var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, email, "Csv-Pass-1", "/stores");
            await page.GetByText("No stores yet").WaitForAsync();
            Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=add-store]", "() => !!document.querySelector('.mud-dialog')"), "the Add store dialog never opened");
            await page.ClickAsync("[data-testid=platform]");
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "CSV files" }).ClickAsync();
            await Field(page, "store-name").FillAsync("Till exports");
            await page.ClickAsync("[data-testid=save-store]");
            await page.GetByText("Till exports").WaitForAsync();

            await page.Locator("[data-testid=file-import] input[type=file]").SetInputFilesAsync(file);
            await page.Locator("[data-testid=mapping-table]").WaitForAsync();
            // No currency in the file: saving without one says so, in plain words.
            await page.ClickAsync("[data-testid=save-mapping]");
            await Assertions.Expect(page.Locator("[data-testid=mapping-problem]").First).ToContainTextAsync("currency");
            await Field(page, "map-currency").FillAsync("EUR");
            await page.ClickAsync("[data-testid=save-mapping]");

            var summary = page.Locator("[data-testid=sync-summary]");
            await summary.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await Assertions.Expect(summary).ToContainTextAsync("2 new, 0 updated, 0 unchanged, 0 quarantined");
            var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.Name == "Till exports").Select(s => s.Id).SingleAsync();
            Assert.Equal(["POS-1", "POS-2"], await db.Orders.IgnoreQueryFilters().Where(o => o.StoreId == storeId).Select(o => o.PlatformId).OrderBy(n => n).ToListAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
