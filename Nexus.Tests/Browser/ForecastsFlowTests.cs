using Microsoft.Playwright;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

/// <summary>The Forecasts page as a merchant sees it after a sync: the refresh job's forecast drawn, readable in light and dark.</summary>
[Collection(HostCollection.Name)]
public sealed class ForecastsFlowTests(NexusWebFactory app)
{
    private static async Task<string> TitleFillAsync(IPage page) =>
        await page.Locator("[data-testid=forecast-plot] svg .gtitle").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");

    [Fact]
    public async Task After_a_sync_the_forecast_appears_with_its_intervals_and_reads_in_light_and_dark_mode()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await page.GetByText("Demo store (demo-woo)").WaitForAsync();
        await BrowserSession.SyncNowAndWaitAsync(page);

        await page.GotoAsync("/forecasts");
        await BrowserSession.WaitForCircuitAsync(page);
        // The refresh job runs after the sync (behind any forecast jobs earlier syncs queued); the page polls the cache and
        // draws when it lands.
        var title = page.Locator("[data-testid=forecast-plot] svg .gtitle").First;
        try
        {
            await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 300_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "forecasts-timeout.png"), FullPage = true });
            throw;
        }
        Assert.Empty(await page.Locator("[data-testid=forecast-failed]").AllAsync());
        Assert.True(await page.Locator("[data-testid=forecast-plot] g.trace.scatter").CountAsync() >= 4, "history, two bands and the forecast line");
        Assert.NotEmpty(await page.Locator("[data-testid=backtest-plot] svg").AllAsync());

        // The mode is stored with the shared demo account: start from light, whatever another test left.
        if (await page.GetAttributeAsync("[data-testid=forecast-plot]", "data-chart-mode") == "dark")
        {
            await page.ClickAsync("[data-testid=dark-mode-toggle]");
            await page.WaitForSelectorAsync("[data-testid=forecast-plot][data-chart-mode=light]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        }
        var light = await TitleFillAsync(page);
        for (var waited = 0; waited < 15_000 && BrowserSession.Brightness(light) >= 128; waited += 250)
        {
            await Task.Delay(250);
            light = await TitleFillAsync(page);
        }
        Assert.True(BrowserSession.Brightness(light) < 128, $"chart title {light} is not dark on the light page");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "forecasts-light.png"), FullPage = true });

        try
        {
            await page.ClickAsync("[data-testid=dark-mode-toggle]");
            await page.WaitForSelectorAsync("[data-testid=forecast-plot][data-chart-mode=dark]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            var dark = await TitleFillAsync(page);
            for (var waited = 0; waited < 15_000 && BrowserSession.Brightness(dark) <= 180; waited += 250)
            {
                await Task.Delay(250);
                dark = await TitleFillAsync(page);
            }
            Assert.True(BrowserSession.Brightness(dark) > 180, $"chart title {dark} is not light on the dark page");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "forecasts-dark.png"), FullPage = true });
        }
        finally
        {
            if (await page.GetAttributeAsync("[data-testid=forecast-plot]", "data-chart-mode") == "dark")
            {
                await page.ClickAsync("[data-testid=dark-mode-toggle]");
                await page.WaitForSelectorAsync("[data-testid=forecast-plot][data-chart-mode=light]");
            }
        }
    }
}
