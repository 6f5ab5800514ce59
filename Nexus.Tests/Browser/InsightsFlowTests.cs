using Microsoft.Playwright;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class InsightsFlowTests(NexusWebFactory app)
{
    [Fact]
    public async Task Merchant_syncs_the_demo_store_then_sees_kpis_segments_cohorts_and_lifetime_value()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await page.GetByText("Demo store (demo-woo)").WaitForAsync();

        // Another test in this host may have synced the store already; a second (incremental) sync is harmless.
        await BrowserSession.SyncNowAndWaitAsync(page);

        await page.GotoAsync("/");
        var revenue = page.Locator("[data-testid=kpi-revenue] [data-testid=kpi-value]");
        await revenue.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Matches(@"^[\d,]+\.\d\d\u00A0[A-Z]{3}$", (await revenue.InnerTextAsync()).Trim());
        // The demo merchant has several stores and the Overview opens on All stores: the eight KPIs plus "customers in more than one store".
        Assert.Equal(9, await page.Locator("[data-testid=kpi-tiles] > *").CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=kpi-multistore]").CountAsync());
        await page.Locator("[data-testid=revenue-chart] svg.main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        await page.GotoAsync("/customers");
        // Plotly draws a treemap as SVG paths inside its main-svg; their presence means the chart really rendered.
        await page.Locator("[data-testid=segment-treemap] svg.main-svg g.trace path").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.True(await page.Locator("[data-testid=segment-table] tbody tr").CountAsync() > 0);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "customers.png"), FullPage = true });

        await page.GotoAsync("/cohorts");
        await page.Locator("[data-testid=retention-heatmap] svg.main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        // Cells print their percentage; the months a cohort has not lived through yet stay blank (they once showed a lone "%").
        var cells = (await page.Locator("[data-testid=retention-heatmap] svg text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains(cells, t => t.EndsWith(" %", StringComparison.Ordinal) && t.Length > 2);
        Assert.DoesNotContain("%", cells);

        // The tiny demo store may be too small to fit the models; either way the page must say which.
        await page.GotoAsync("/lifetime");
        try
        {
            await page.Locator("[data-testid=clv-explanation], [data-testid=clv-unavailable]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "lifetime-failed.png"), FullPage = true });
            throw;
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "lifetime.png"), FullPage = true });
    }
}
