using System.Globalization;
using Microsoft.Playwright;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

/// <summary>The Products page after a demo sync: the job's analysis listed, sorted and filtered, one product opened, in light and dark mode.</summary>
[Collection(HostCollection.Name)]
public sealed class ProductsFlowTests(NexusWebFactory app)
{
    private static async Task<List<double>> UnitsAsync(IPage page) =>
        [.. (await page.Locator("[data-testid=product-table] tbody [data-testid=units-sold]").AllInnerTextsAsync())
            .Select(t => double.Parse(t.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture))];

    private static async Task SetModeAsync(IPage page, string mode)
    {
        // Called on the product page, whose chart says which mode it was drawn in.
        if (await page.GetAttributeAsync("[data-testid=forecast-plot]", "data-chart-mode") == mode) return;
        await page.ClickAsync("[data-testid=dark-mode-toggle]");
        await page.WaitForSelectorAsync($"[data-testid=forecast-plot][data-chart-mode={mode}]", new PageWaitForSelectorOptions { Timeout = 60_000 });
    }

    [Fact]
    public async Task After_a_sync_products_are_listed_sorted_filtered_and_one_opens_with_its_forecast_in_light_and_dark_mode()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");
        await page.GetByText("Demo store (demo-woo)").WaitForAsync();
        await BrowserSession.SyncNowAndWaitAsync(page);

        await page.GotoAsync("/products");
        await BrowserSession.WaitForCircuitAsync(page);
        // The product job runs after the sync (behind the forecast jobs); the page polls the cache and lists when it lands.
        var rows = page.Locator("[data-testid=product-table] tbody tr");
        try
        {
            await rows.First.Locator("[data-testid=product-link]").WaitForAsync(new LocatorWaitForOptions { Timeout = 300_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "products-timeout.png"), FullPage = true });
            throw;
        }
        Assert.Empty(await page.Locator("[data-testid=products-failed]").AllAsync());
        Assert.Equal(25, await rows.CountAsync()); // a page of the demo store's 200 products
        Assert.Equal(25, await page.Locator("[data-testid=product-table] tbody [data-testid=sparkline]").CountAsync());

        // Sort by units sold (ascending first), then filter to stock-outs within 14 days.
        await page.Locator("[data-testid=product-table] thead th", new PageLocatorOptions { HasText = "Units sold" }).Locator(".mud-table-sort-label").ClickAsync();
        await page.WaitForFunctionAsync("() => { const c = [...document.querySelectorAll('[data-testid=product-table] tbody [data-testid=units-sold]')].map(e => parseFloat(e.textContent.replace(/,/g, ''))); return c.length > 1 && c.every((v, i) => i == 0 || c[i - 1] <= v); }");
        var ascending = await UnitsAsync(page);
        Assert.Equal(ascending.Order(), ascending);

        await page.ClickAsync("[data-testid=preset-stock-out]");
        await page.WaitForFunctionAsync("() => !!document.querySelector('[data-testid=no-matches]') || [...document.querySelectorAll('[data-testid=product-table] tbody [data-testid=stock-out]')].every(e => e.textContent.trim() != '–')");
        Assert.Contains("stockout=14", await page.GetAttributeAsync("[data-testid=export-csv]", "href"));
        await page.ClickAsync("[data-testid=preset-all]");
        await rows.First.Locator("[data-testid=product-link]").WaitForAsync();

        var name = (await rows.First.Locator("[data-testid=product-link]").InnerTextAsync()).Trim();
        await rows.First.Locator("[data-testid=product-link]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=product-title]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Equal(name, (await page.InnerTextAsync("[data-testid=product-title]")).Trim());
        var productUrl = page.Url;
        await page.WaitForSelectorAsync("[data-testid=forecast-plot] svg", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.NotEmpty(await page.Locator("[data-testid=top-customer]").AllAsync());
        Assert.NotEmpty(await page.Locator("[data-testid=backtest-wape]").AllAsync());

        // The mode is stored with the shared demo account: start from light, whatever another test left, and end there too.
        await SetModeAsync(page, "light");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "product-light.png"), FullPage = true });
        try
        {
            await SetModeAsync(page, "dark");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "product-dark.png"), FullPage = true });
            await page.GotoAsync("/products");
            await BrowserSession.WaitForCircuitAsync(page);
            await rows.First.Locator("[data-testid=product-link]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "products-dark.png"), FullPage = true });
        }
        finally
        {
            await page.GotoAsync(productUrl);
            await BrowserSession.WaitForCircuitAsync(page);
            await page.WaitForSelectorAsync("[data-testid=forecast-plot] svg", new PageWaitForSelectorOptions { Timeout = 60_000 });
            await SetModeAsync(page, "light");
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
