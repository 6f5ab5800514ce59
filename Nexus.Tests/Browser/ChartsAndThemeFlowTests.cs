using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

/// <summary>The charts as a merchant sees them: redrawn when the period changes, themed in dark mode, the mode remembered, no console errors.</summary>
[Collection(HostCollection.Name)]
public sealed class ChartsAndThemeFlowTests(NexusWebFactory app)
{
    private static readonly string[] MerchantPages = ["/", "/stores", "/customers", "/cohorts", "/lifetime", "/forecasts", "/products", "/quality", "/health", "/hangfire"];

    private static Task<string> ChartTitleAsync(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] svg .gtitle").First.TextContentAsync().ContinueWith(t => t.Result ?? "");

    private static Task<int> BarCountAsync(IPage page) => page.Locator("[data-testid=revenue-chart] g.trace.bars g.point").CountAsync();

    [Fact]
    public async Task The_revenue_chart_follows_the_period_picker()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await page.GetByText("Demo store (demo-woo)").WaitForAsync();
        await BrowserSession.SyncNowAndWaitAsync(page);

        await page.GotoAsync("/");
        await BrowserSession.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=revenue-chart] g.trace.bars").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.StartsWith("Revenue per day", await ChartTitleAsync(page, "revenue-chart"));
        Assert.Equal(30, await BarCountAsync(page));

        await page.ClickAsync("[data-testid=range-picker]");
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Last 365 days" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=revenue-chart] svg .gtitle')?.textContent.startsWith('Revenue per week')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // Up to 366 days are shown per week: 365 days are 52 weeks and a day.
        Assert.Equal(53, await BarCountAsync(page));
        Assert.Contains("vs", await page.Locator("[data-testid=period-label]").InnerTextAsync());
        // The URL keeps the choice: opening it again (a bookmark) shows the same view.
        Assert.Contains("range=365d", page.Url);
        await page.GotoAsync(page.Url);
        await BrowserSession.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=revenue-chart] g.trace.bars").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=revenue-chart] svg .gtitle')?.textContent.startsWith('Revenue per week')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task Dark_mode_themes_the_charts_and_is_remembered_after_a_reload()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await page.GetByText("Demo store (demo-woo)").WaitForAsync();
        await BrowserSession.SyncNowAndWaitAsync(page);
        await page.GotoAsync("/");
        await BrowserSession.WaitForCircuitAsync(page);
        var title = page.Locator("[data-testid=revenue-chart] svg .gtitle").First;
        await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        // The choice is stored with the demo account, which other browser tests share: start from light whatever they left.
        if (await page.GetAttributeAsync("[data-testid=revenue-chart]", "data-chart-mode") == "dark")
        {
            await page.ClickAsync("[data-testid=dark-mode-toggle]");
            await page.WaitForSelectorAsync("[data-testid=revenue-chart][data-chart-mode=light]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            await page.WaitForFunctionAsync("""() => { const t = document.querySelector('[data-testid=revenue-chart] svg .gtitle'); const m = t && getComputedStyle(t).fill.match(/[0-9.]+/g); return !!m && (Number(m[0]) + Number(m[1]) + Number(m[2])) / 3 < 128; }""",
                null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        var lightFill = await title.EvaluateAsync<string>("e => getComputedStyle(e).fill");

        try
        {
            // The chart may already have been redrawn (the page renders twice); wait for the redraw the toggle causes.
            var drawsBefore = await page.GetAttributeAsync("[data-testid=revenue-chart]", "data-chart-draws");
            await page.ClickAsync("[data-testid=dark-mode-toggle]");
            await page.WaitForSelectorAsync("[data-testid=revenue-chart][data-chart-mode=dark]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=revenue-chart]').dataset.chartDraws) > {drawsBefore}",
                null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            await AssertDarkAsync(page, lightFill);

            await page.ReloadAsync();
            await BrowserSession.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=revenue-chart] svg .gtitle").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            Assert.Equal("dark", await page.GetAttributeAsync("[data-testid=revenue-chart]", "data-chart-mode"));
            await AssertDarkAsync(page, lightFill);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "overview-dark.png"), FullPage = true });
        }
        finally
        {
            // The choice is stored with the account, which other tests share: leave it light.
            if (await page.GetAttributeAsync("[data-testid=revenue-chart]", "data-chart-mode") == "dark")
            {
                await page.ClickAsync("[data-testid=dark-mode-toggle]");
                await page.WaitForSelectorAsync("[data-testid=revenue-chart][data-chart-mode=light]");
            }
        }
    }

    /// <summary>Title, tick labels and axis titles are light on the dark page; gridlines are not harsh white.</summary>
    private static async Task AssertDarkAsync(IPage page, string lightFill)
    {
        var chart = page.Locator("[data-testid=revenue-chart]");
        // Plotly applies a new layout asynchronously after the redraw call returns: on a busy machine the SVG can still
        // show the old fill for a moment, so read it until it changes (at most 15 s), then assert on what it shows.
        var titleFill = await chart.Locator("svg .gtitle").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        for (var waited = 0; waited < 15_000 && BrowserSession.Brightness(titleFill) <= 180; waited += 250)
        {
            await Task.Delay(250);
            titleFill = await chart.Locator("svg .gtitle").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        }
        Assert.NotEqual(lightFill, titleFill);
        Assert.True(BrowserSession.Brightness(titleFill) > 180, $"chart title {titleFill} is not light on the dark page");
        var tickFill = await chart.Locator("svg .xtick text").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.True(BrowserSession.Brightness(tickFill) > 150, $"tick label {tickFill} is not light on the dark page");
        // Plotly writes a translucent colour as an opaque stroke plus stroke-opacity.
        var grid = await chart.Locator("svg .ygrid").First.EvaluateAsync<string>("e => getComputedStyle(e).stroke + '|' + getComputedStyle(e).strokeOpacity");
        var (stroke, opacity) = (grid.Split('|')[0], double.Parse(grid.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(BrowserSession.Brightness(stroke) * opacity < 100, $"gridline {grid} is harsh on the dark page");
    }

    [Fact]
    public async Task Every_page_including_sign_in_loads_without_console_errors()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var signIn = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.ServerAddress.ToString() });
        signIn.Console += (_, m) => { if (m.Type == "error") errors.Add($"sign-in: {m.Text}"); };
        signIn.PageError += (_, e) => errors.Add($"sign-in: {e}");
        await signIn.GotoAsync("/Account/Login");
        await signIn.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var page = await BrowserSession.SignInAsync(browser, app.ServerAddress, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        var current = "/stores";
        page.Console += (_, m) =>
        {
            // The merchant's /hangfire is refused with a 403 on purpose; the browser logs the status of that document.
            if (m.Type == "error" && !(current == "/hangfire" && m.Text.Contains("403"))) errors.Add($"{current}: {m.Text}");
        };
        page.PageError += (_, e) => errors.Add($"{current}: {e}");
        foreach (var path in MerchantPages)
        {
            current = path;
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (path != "/hangfire") await BrowserSession.WaitForCircuitAsync(page);
            await page.WaitForTimeoutAsync(500);
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
