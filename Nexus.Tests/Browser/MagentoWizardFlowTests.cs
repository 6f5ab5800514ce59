using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Web.Sandbox.Magento;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Platforms.Magento;
using Nexus.Tests.Platforms.Sandbox;
using Nexus.Tests.Sync;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Browser;

/// <summary>
/// A merchant adds a Magento store in the wizard with the integration's four values and the store view code, tests
/// the connection (a wrong secret first), saves, clicks Sync now and sees the sandbox store's own totals.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MagentoWizardFlowTests(NexusWebFactory app)
{
    private static readonly string[] IntegrationFields =
        [MagentoCredentials.ConsumerKey, MagentoCredentials.ConsumerSecret, MagentoCredentials.AccessToken, MagentoCredentials.AccessTokenSecret];

    private static ILocator Field(IPage page, string name) => page.Locator($"[data-testid=store-{name}] input, input[data-testid=store-{name}]").First;

    [Fact]
    public async Task Add_a_magento_store_with_its_integration_credentials_test_it_sync_it_and_see_the_sandbox_totals()
    {
        // No defects, so every sandbox record must be stored and the page's figures equal the sandbox's own counts.
        var sandbox = MagentoHostStores.Add(app, "wiz", s => s.DefectRate = 0);
        var email = $"magento-{Guid.NewGuid():N}@example.test";
        Guid tenant;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Magento-Pass-1", "Magento", NexusRoles.Merchant);
            tenant = user!.TenantId;
        }
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, email, "Magento-Pass-1", "/stores");
        await page.GetByText("No stores yet").WaitForAsync();

        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=add-store]", "() => !!document.querySelector('.mud-dialog')"), "the Add store dialog never opened");
        await page.ClickAsync("[data-testid=platform]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Magento" }).ClickAsync();
        await Field(page, MagentoCredentials.AccessTokenSecret).WaitForAsync();
        foreach (var name in IntegrationFields.Append(MagentoCredentials.StoreCode))
            Assert.Equal(1, await page.Locator($"[data-testid=store-{name}] input, input[data-testid=store-{name}]").CountAsync());
        // The secrets are masked; the consumer key and the store code are not.
        Assert.Equal(["text", "password", "password", "password", "text"],
            await Task.WhenAll(IntegrationFields.Append(MagentoCredentials.StoreCode).Select(async name => await Field(page, name).GetAttributeAsync("type") ?? "")));

        await Field(page, "url").FillAsync(MagentoHostStores.Url(app, sandbox));
        await Field(page, MagentoCredentials.ConsumerKey).FillAsync(MagentoSandboxClient.ConsumerKey);
        await Field(page, MagentoCredentials.ConsumerSecret).FillAsync("mcs_not_the_secret");
        await Field(page, MagentoCredentials.AccessToken).FillAsync(MagentoSandboxClient.AccessToken);
        await Field(page, MagentoCredentials.AccessTokenSecret).FillAsync(MagentoSandboxClient.AccessTokenSecret);
        await Field(page, MagentoCredentials.StoreCode).FillAsync("default");
        await page.ClickAsync("[data-testid=test-connection]");
        var result = page.Locator("[data-testid=connection-result]");
        await Assertions.Expect(result).ToContainTextAsync("rejected the integration credentials");
        Assert.DoesNotContain("mcs_not_the_secret", await result.InnerTextAsync());
        Assert.True(await page.IsDisabledAsync("[data-testid=save-store]"), "a store that failed its connection test must not be saveable");

        await Field(page, MagentoCredentials.ConsumerSecret).FillAsync(MagentoSandboxClient.ConsumerSecret);
        await page.ClickAsync("[data-testid=test-connection]");
        await Assertions.Expect(result).ToContainTextAsync("Connected to");
        await Assertions.Expect(result).ToContainTextAsync($"store view 'default', currency {sandbox.Store.Settings.Currency}");
        await Field(page, "name").FillAsync("My Magento shop");
        await page.ClickAsync("[data-testid=save-store]");
        await page.GetByText("My Magento shop").WaitForAsync();

        var summary = await BrowserSession.SyncNowAndWaitAsync(page, "My Magento shop");
        Assert.Contains("Fetched", await summary.InnerTextAsync());

        var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        int storeId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.TenantId == tenant && s.Name == "My Magento shop").Select(s => s.Id).SingleAsync();
        }
        var (orders, customers, products) = (sandbox.Store.Current.OrderCount, sandbox.Store.CustomerCount, MagentoCatalog.For(sandbox.Store).Products.Count);
        Assert.Contains($"{orders:N0} / {orders:N0}", await page.InnerTextAsync("[data-testid=count-orders]"));
        Assert.Contains($"{customers:N0} / {customers:N0}", await page.InnerTextAsync("[data-testid=count-customers]"));
        var card = $"[data-testid=store-card-{storeId}]";
        await Assertions.Expect(page.Locator($"{card} [data-testid=stored-orders] b")).ToHaveTextAsync(orders.ToString("N0"));
        await Assertions.Expect(page.Locator($"{card} [data-testid=stored-customers] b")).ToHaveTextAsync(customers.ToString("N0"));
        await Assertions.Expect(page.Locator($"{card} [data-testid=stored-products] b")).ToHaveTextAsync(products.ToString("N0"));
        // And each order is the sandbox's: its currency (some are in a second currency), total and status.
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(factory, sandbox, tenant, storeId, MagentoHostStores.Expectation(sandbox));
    }
}
