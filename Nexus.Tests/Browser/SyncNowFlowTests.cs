using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class SyncNowFlowTests(NexusWebFactory app)
{
    [Fact]
    public async Task Demo_merchant_clicks_sync_now_and_watches_the_demo_store_arrive_in_full()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await page.GetByText("Demo store (demo-woo)").WaitForAsync();

        var summary = await BrowserSession.SyncNowAndWaitAsync(page);
        var text = await summary.InnerTextAsync();
        Assert.Contains("Fetched", text);

        // What the page says was synced is what the sandbox holds: every order stored or quarantined.
        var host = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("woocommerce", "demo-woo")!;
        var sandboxOrders = host.Store.Current.OrderCount;
        var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.Name == "Demo store (demo-woo)").Select(s => s.Id).SingleAsync();
        var stored = await db.Orders.IgnoreQueryFilters().CountAsync(o => o.StoreId == storeId);
        var quarantined = await db.Quarantine.IgnoreQueryFilters().CountAsync(q => q.StoreId == storeId && q.Entity == "order");
        Assert.Equal(sandboxOrders, stored + quarantined);
        Assert.Equal(stored.ToString("N0"), (await page.InnerTextAsync($"[data-testid=store-card-{storeId}] [data-testid=stored-orders] b")).Trim());
        Assert.Contains($"{sandboxOrders:N0} / {sandboxOrders:N0}", await page.InnerTextAsync("[data-testid=count-orders]"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "sync-finished.png"), FullPage = true });
    }
}
