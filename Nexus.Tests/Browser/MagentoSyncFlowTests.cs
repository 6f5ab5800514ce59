using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class MagentoSyncFlowTests(NexusWebFactory app)
{
    [Fact]
    public async Task Demo_merchant_syncs_the_magento_sandbox_store_and_gets_every_order_and_customer()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await page.GetByText("Demo store (demo-magento)").WaitForAsync();

        var summary = await BrowserSession.SyncNowAndWaitAsync(page, "Demo store (demo-magento)");
        Assert.Contains("Fetched", await summary.InnerTextAsync());

        var store = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("magento", "demo-magento")!.Store;
        var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.Name == "Demo store (demo-magento)").Select(s => s.Id).SingleAsync();
        var orders = await db.Orders.IgnoreQueryFilters().CountAsync(o => o.StoreId == storeId);
        var quarantinedOrders = await db.Quarantine.IgnoreQueryFilters().CountAsync(q => q.StoreId == storeId && q.Entity == "order");
        var customers = await db.Customers.IgnoreQueryFilters().CountAsync(c => c.StoreId == storeId);
        var quarantinedCustomers = await db.Quarantine.IgnoreQueryFilters().CountAsync(q => q.StoreId == storeId && q.Entity == "customer");
        Assert.Equal(store.Current.OrderCount, orders + quarantinedOrders);
        Assert.Equal(store.CustomerCount, customers + quarantinedCustomers);
        Assert.Equal(orders.ToString("N0"), (await page.InnerTextAsync($"[data-testid=store-card-{storeId}] [data-testid=stored-orders] b")).Trim());
    }
}
