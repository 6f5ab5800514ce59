using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Tests.Browser;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Sync;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Platforms.FakeShop;

/// <summary>The Add-store wizard shows the fields of the platform chosen, from its descriptor, for a platform the app has never heard of.</summary>
[Collection(HostCollection.Name)]
public sealed class FakeShopWizardTests(NexusWebFactory app)
{
    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    [Fact]
    public async Task The_wizard_asks_for_the_chosen_platforms_credentials_and_saves_only_after_a_passing_test_of_those_values()
    {
        var name = $"fakewiz-{Guid.NewGuid():N}"[..16];
        var email = $"{name}@example.test";
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Platform = FakeShopPlatform.Id, Size = SizeProfile.Tiny, Seed = 3, StartUtc = SyncOverHttpTests.SandboxStart,
            ConsumerKey = "fk_" + name.Replace("-", ""), ConsumerSecret = "acct-7", DefectRate = 0,
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Wizard-Pass-1", "Wizard", NexusRoles.Merchant);
        }

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, email, "Wizard-Pass-1", "/stores");
        await page.GetByText("No stores yet").WaitForAsync();
        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=add-store]", "() => !!document.querySelector('.mud-dialog')"), "the Add store dialog never opened");

        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Consumer key"); // WooCommerce is the default
        await page.ClickAsync("[data-testid=platform]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "FakeShop" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Access token");
        await Assertions.Expect(dialog).ToContainTextAsync("Account id");
        await Assertions.Expect(dialog).ToContainTextAsync("FakeShop admin → Apps → Private access");
        await Assertions.Expect(dialog).Not.ToContainTextAsync("Consumer key");
        Assert.Equal("password", await Field(page, "store-token").GetAttributeAsync("type"));

        await Field(page, "store-url").FillAsync(new Uri(app.ServerAddress, $"/sandbox/fakeshop/{name}").ToString());
        await Field(page, "store-token").FillAsync(sandbox.Options.ConsumerKey);
        await Field(page, "store-account").FillAsync("acct-7");
        await page.ClickAsync("[data-testid=test-connection]");
        await Assertions.Expect(page.Locator("[data-testid=connection-result]")).ToContainTextAsync("Connected to");
        Assert.False(await page.IsDisabledAsync("[data-testid=save-store]"));

        // Changing a credential after the passing test: Save waits for a test of the new values.
        await Field(page, "store-account").FillAsync("acct-8");
        await Assertions.Expect(page.Locator("[data-testid=retest-needed]")).ToBeVisibleAsync();
        Assert.True(await page.IsDisabledAsync("[data-testid=save-store]"), "Save must need a passing test of exactly the values being saved");
        await Field(page, "store-account").FillAsync("acct-7");
        await page.ClickAsync("[data-testid=test-connection]");
        await Assertions.Expect(page.Locator("[data-testid=connection-result]")).ToContainTextAsync("Connected to");
        await page.ClickAsync("[data-testid=save-store]");
        // Saving stores the encrypted credentials and reloads the list over the circuit: on a loaded 2-core CI machine
        // that took longer than Playwright's default 5 s once.
        await Assertions.Expect(page.Locator("[data-testid^=store-card-]")).ToContainTextAsync("FakeShop", new() { Timeout = 30_000 });

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
        var storeId = await db.Stores.IgnoreQueryFilters().Where(s => s.Name == name && s.Platform == FakeShopPlatform.Id).Select(s => s.Id).SingleAsync();

        // Editing: the stored credentials test without being retyped (they never reach the page), and a new address needs its own passing test.
        await page.ClickAsync($"[data-testid=store-card-{storeId}] [aria-label='Edit store']");
        await Assertions.Expect(dialog).ToContainTextAsync("Leave empty to keep the stored value");
        Assert.Equal("", await Field(page, "store-token").InputValueAsync());
        await page.ClickAsync("[data-testid=test-connection]");
        await Assertions.Expect(page.Locator("[data-testid=connection-result]")).ToContainTextAsync("Connected to");
        await Field(page, "store-url").FillAsync("file:///etc/passwd");
        // A changed address must not be saveable without a passing test (waits for the circuit's re-render).
        await Assertions.Expect(page.Locator("[data-testid=save-store]")).ToBeDisabledAsync();
        await page.ClickAsync("[data-testid=test-connection]");
        await Assertions.Expect(page.Locator("[data-testid=connection-result]")).ToContainTextAsync("not a web address");
        await Assertions.Expect(page.Locator("[data-testid=save-store]")).ToBeDisabledAsync(); // an address that failed its test
    }
}
