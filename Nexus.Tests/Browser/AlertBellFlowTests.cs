using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class AlertBellFlowTests(NexusWebFactory app)
{
    /// <summary>A new merchant with one store, so no other test's alerts show on this bell.</summary>
    private async Task<(string Email, Guid TenantId, int StoreId)> NewMerchantWithStoreAsync()
    {
        var email = $"bell-{Guid.NewGuid():N}@shop.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (result, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, NexusWebFactory.DemoPassword, "Bell Merchant", NexusRoles.Merchant);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>().AddAsync(user!.TenantId,
            new NewStore("Bell shop", "woocommerce", "http://127.0.0.1:9/shop", new StoreCredentials("ck_x", "cs_x")));
        return (email, user.TenantId, store.Id);
    }

    private async Task SetUnreachableAsync(Guid tenantId, int storeId, DateTimeOffset? since)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
        db.TenantId = tenantId;
        var row = await db.StoreReachability.FirstOrDefaultAsync(r => r.StoreId == storeId);
        if (row is null) db.StoreReachability.Add(row = new StoreReachability { StoreId = storeId, TenantId = tenantId });
        (row.CheckedAt, row.Reachable, row.UnreachableSince, row.Summary) = (DateTimeOffset.UtcNow, since is null, since, "The store did not answer.");
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_bell_shows_a_new_alert_without_a_reload_and_acknowledging_clears_the_badge()
    {
        var (email, tenantId, storeId) = await NewMerchantWithStoreAsync();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, email, NexusWebFactory.DemoPassword, "/health");
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.WaitForSelectorAsync("[data-testid=alert-bell][data-count='0']");
        await page.WaitForSelectorAsync("[data-testid=store-health-row]");

        // The store has been down for two hours: the evaluator (what the recurring job runs) opens an alert.
        await SetUnreachableAsync(tenantId, storeId, DateTimeOffset.UtcNow.AddHours(-2));
        var evaluation = await app.Services.GetRequiredService<AlertEvaluator>().EvaluateTenantAsync(tenantId, null);
        Assert.Equal(1, evaluation.Opened);

        // No reload: the bell's badge updates over the live circuit.
        await page.WaitForSelectorAsync("[data-testid=alert-bell][data-count='1']", new PageWaitForSelectorOptions { Timeout = 10_000 });
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=alert-bell-badge] .mud-badge")).Trim());
        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        var row = await page.InnerTextAsync("[data-testid=store-health-row]");
        Assert.Contains("Unreachable", row);
        Assert.Contains("The store did not answer.", row);
        Assert.Contains("never", row); // never synced
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "health-merchant.png"), FullPage = true });

        await page.ClickAsync("[data-testid=alert-bell]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/alerts");
        await BrowserSession.WaitForCircuitAsync(page);
        var card = page.Locator("[data-testid=open-alert]");
        await card.WaitForAsync();
        Assert.Contains("Bell shop cannot be reached", await card.InnerTextAsync());
        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=acknowledge]", "() => !!document.querySelector(\"[data-testid=alert-bell][data-count='0']\")"),
            "acknowledging never cleared the badge");
        Assert.Contains("Acknowledged", await card.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "alerts-acknowledged.png"), FullPage = true });
        await page.ClickAsync("text=Rules");
        await page.WaitForSelectorAsync("[data-testid=rule-StoreUnreachable]");
        Assert.Contains("Uses the sales forecast", await page.InnerTextAsync("[data-testid=rule-NoOrders]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "alerts-rules.png"), FullPage = true });
        await page.ClickAsync("text=Notifications");
        await page.WaitForSelectorAsync("[data-testid=digest-enabled]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "alerts-notifications.png"), FullPage = true });
        await page.ClickAsync("text=Open (1)");

        // The store answers again: the alert resolves by itself and moves to history.
        await SetUnreachableAsync(tenantId, storeId, null);
        Assert.Equal(1, (await app.Services.GetRequiredService<AlertEvaluator>().EvaluateTenantAsync(tenantId, null)).Resolved);
        await page.WaitForSelectorAsync("[data-testid=open-alert]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ops_see_the_health_page_with_job_servers_queues_and_their_stores(bool dark)
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "ops@nexus.demo", NexusWebFactory.DemoPassword, "/health");
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        if (dark)
        {
            Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=dark-mode-toggle]", "() => document.querySelector('.mud-theme-dark, body.mud-dark') !== null || getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'"),
                "dark mode never switched on");
        }
        await page.WaitForSelectorAsync("[data-testid=ops-queues]");
        var servers = (await page.InnerTextAsync("[data-testid=ops-servers] b")).Trim();
        Assert.True(int.Parse(servers, System.Globalization.CultureInfo.InvariantCulture) >= 1, $"job servers shown: {servers}");
        Assert.Contains("sync", await page.InnerTextAsync("[data-testid=ops-queues]"));
        Assert.Contains("Your stores", await page.InnerTextAsync(".mud-main-content"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", dark ? "health-ops-dark.png" : "health-ops-light.png"), FullPage = true });
        Assert.Empty(errors);
    }
}
