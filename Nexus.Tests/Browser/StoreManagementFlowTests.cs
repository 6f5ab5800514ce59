using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nexus.Core.Accounts;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Browser;

/// <summary>A merchant registers a store through the wizard (test connection first), pauses its schedule, then deletes it.</summary>
[Collection(HostCollection.Name)]
public sealed class StoreManagementFlowTests(NexusWebFactory app)
{
    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    [Fact]
    public async Task Register_with_a_connection_test_then_pause_and_delete_a_store()
    {
        var email = $"wizard-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Wizard-Pass-1", "Wizard", NexusRoles.Merchant);
        }
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Find("woocommerce", "demo-woo")!.Options;

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, email, "Wizard-Pass-1", "/stores");
        await page.GetByText("No stores yet").WaitForAsync();

        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=add-store]", "() => !!document.querySelector('.mud-dialog')"), "the Add store dialog never opened");
        await Field(page, "store-url").FillAsync(new Uri(app.ServerAddress, "/sandbox/woocommerce/demo-woo").ToString());
        await Field(page, "store-key").FillAsync("ck_wrong_key");
        await Field(page, "store-secret").FillAsync("cs_wrong_secret");
        await page.ClickAsync("[data-testid=test-connection]");
        var result = page.Locator("[data-testid=connection-result]");
        await Assertions.Expect(result).ToContainTextAsync("key");
        Assert.True(await page.IsDisabledAsync("[data-testid=save-store]"), "a store that failed its connection test must not be saveable");

        await Field(page, "store-key").FillAsync(sandbox.ConsumerKey);
        await Field(page, "store-secret").FillAsync(sandbox.ConsumerSecret);
        await page.ClickAsync("[data-testid=test-connection]");
        await Assertions.Expect(result).ToContainTextAsync("Connected to");
        await Field(page, "store-name").FillAsync("My wizard store");
        await page.ClickAsync("[data-testid=save-store]");
        await page.GetByText("My wizard store").WaitForAsync();

        var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        int storeId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.Name == "My wizard store").Select(s => s.Id).SingleAsync();
        }

        await page.ClickAsync($"[data-testid=store-card-{storeId}] [aria-label='Edit store']");
        await page.Locator(".mud-dialog .mud-switch input").CheckAsync();
        await page.ClickAsync("[data-testid=save-store]");
        await Assertions.Expect(page.Locator($"[data-testid=store-card-{storeId}]")).ToContainTextAsync("Paused");

        await page.ClickAsync($"[data-testid=store-card-{storeId}] [aria-label='Delete store']");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await page.GetByText("No stores yet").WaitForAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.False(await db.Stores.IgnoreQueryFilters().AnyAsync(s => s.Id == storeId));
        }
    }
}
