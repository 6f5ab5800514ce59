using Microsoft.Playwright;

namespace Nexus.Tests.Browser;

/// <summary>Debian's chromium driven by Playwright. Never a downloaded browser: the machine has no internet.</summary>
public static class BrowserSession
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Opens a page on the app, signs in through the real form and waits for the interactive circuit.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, Uri app, string email, string password, string returnPath = "/")
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.ToString() });
        await page.GotoAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnPath)}");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnPath);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Clicks Sync now on the card of <paramref name="storeName"/> (the demo merchant has several sandbox stores; the
    /// WooCommerce one by default) and waits for that sync's final summary, which it returns.
    /// </summary>
    public static async Task<ILocator> SyncNowAndWaitAsync(IPage page, string storeName = "Demo store (demo-woo)")
    {
        var card = page.Locator("[data-testid^=store-card-]", new PageLocatorOptions { HasText = storeName });
        var cardId = await card.GetAttributeAsync("data-testid");
        Assert.True(await ClickUntilAsync(page, $"[data-testid={cardId}] [data-testid=sync-now]",
                $"() => !!document.querySelector('[data-testid={cardId}] [data-testid=sync-progress], [data-testid={cardId}] [data-testid=sync-queued]')"),
            "clicking Sync now never showed the progress panel");
        var summary = card.Locator("[data-testid=sync-summary]");
        await summary.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        return summary;
    }

    /// <summary>Waits until the interactive circuit is connected (set by wwwroot/Nexus.Web.lib.module.js); before that, buttons are inert HTML.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-circuit=ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Clicks until <paramref name="condition"/> holds (at most <paramref name="attempts"/> clicks, 2 s apart).</summary>
    public static async Task<bool> ClickUntilAsync(IPage page, string selector, string condition, int attempts = 10)
    {
        for (var i = 0; i < attempts; i++)
        {
            await page.ClickAsync(selector);
            try
            {
                await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = 2_000 });
                return true;
            }
            catch (TimeoutException)
            {
                // Not live yet: the click hit prerendered HTML. Try again.
            }
        }
        return false;
    }

    /// <summary>Mean of a CSS colour's red, green and blue (0–255): how light a chart's text or line is drawn.</summary>
    public static double Brightness(string css)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(css, @"[\d.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (parts[0] + parts[1] + parts[2]) / 3;
    }
}
