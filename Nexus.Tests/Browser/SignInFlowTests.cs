using Microsoft.Playwright;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class SignInFlowTests(NexusWebFactory app)
{
    [Fact]
    public async Task Demo_merchant_signs_in_lands_on_overview_and_navigates_to_stores_through_the_drawer()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.ServerAddress.ToString() });

        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url);
        await page.FillAsync("#Input\\.Email", "merchant@nexus.demo");
        await page.FillAsync("#Input\\.Password", NexusWebFactory.DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GetByText("Revenue, orders and customers across your stores").WaitForAsync();
        await BrowserSession.WaitForCircuitAsync(page);

        // The dark-mode toggle only works on a live circuit: proves interactivity, not just prerendered HTML.
        // The circuit can be up a moment before the page's components are attached to it, so retry the click.
        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=dark-mode-toggle]",
            "() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'"), "dark mode never switched on");

        await page.GetByRole(AriaRole.Link, new() { Name = "Stores", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/stores");
        // Demo mode registers the built-in sandbox store for the demo merchant.
        // (On the card: until the first sync the Overview's empty state names the store too, and it can still be on screen.)
        await page.Locator("[data-testid^=store-card]").GetByText("Demo store (demo-woo)").WaitForAsync();

        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "stores.png") });

        // The choice is stored with the account, which other browser tests share: leave it light.
        Assert.True(await BrowserSession.ClickUntilAsync(page, "[data-testid=dark-mode-toggle]",
            "() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'"), "dark mode never switched off");
    }
}
