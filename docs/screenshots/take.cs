#:package Microsoft.Playwright
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// Takes the README screenshots (and a dark-mode set) from a running Nexus in demo mode, after a real demo sync:
//   dotnet run --project Nexus.Web --urls http://127.0.0.1:5077 &      # fresh data folder: Nexus__DataFolder=/tmp/nexus-shots
//   dotnet run docs/screenshots/take.cs -- http://127.0.0.1:5077 docs/screenshots
// Uses Debian's chromium (never a downloaded browser) and prints every console error it sees; exit 1 if any.
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5077";
var output = args.Length > 1 ? args[1] : "docs/screenshots";
Directory.CreateDirectory(output);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
var page = await browser.NewPageAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
var errors = new List<string>();
var at = "";
page.Console += (_, m) => { if (m.Type == "error" && !(at == "/hangfire" && m.Text.Contains("403"))) errors.Add($"{at}: {m.Text}"); };
page.PageError += (_, e) => errors.Add($"{at}: {e}");

async Task Circuit() => await page.WaitForSelectorAsync("html[data-circuit=ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

await page.GotoAsync("/Account/Login?ReturnUrl=%2Fstores");
await page.FillAsync("#Input\\.Email", "merchant@nexus.demo");
await page.FillAsync("#Input\\.Password", "Demo-Nexus-2026");
await page.ClickAsync("[data-testid=sign-in]");
await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/stores");
await Circuit();
if (await page.Locator("[data-testid=last-sync]").CountAsync() == 0)
{
    for (var i = 0; i < 10 && await page.Locator("[data-testid=sync-progress], [data-testid=sync-queued]").CountAsync() == 0; i++)
    {
        await page.ClickAsync("[data-testid=sync-now]");
        await page.WaitForTimeoutAsync(2000);
    }
    await page.WaitForTimeoutAsync(3000);
    await page.ScreenshotAsync(new() { Path = Path.Combine(output, "stores-syncing.png"), FullPage = true });
    await page.Locator("[data-testid=sync-summary]").WaitForAsync(new() { Timeout = 600_000 });
}

var pages = new (string Path, string Name, string? Chart)[]
{
    ("/", "overview", "[data-testid=revenue-chart] svg.main-svg"),
    ("/stores", "stores", null),
    ("/customers", "customers", "[data-testid=segment-treemap] svg.main-svg"),
    ("/cohorts", "cohorts", "[data-testid=retention-heatmap] svg.main-svg"),
    ("/lifetime", "lifetime", "[data-testid=clv-histogram] svg.main-svg"),
    ("/quality", "quality", "[data-testid=report-card]"),
    ("/products", "products", "[data-testid=product-table]"),
    ("/settings", "settings", null),
    ("/compare", "compare", null),
    ("/forecasts", "forecasts", "[data-testid=forecast-chart] svg.main-svg"),
    ("/health", "health", "[data-testid=store-health]"),
    ("/alerts", "alerts", null),
    ("/hangfire", "hangfire-merchant", "[data-testid=empty-state]"),
};
foreach (var dark in new[] { false, true })
{
    foreach (var (path, name, chart) in pages)
    {
        at = path;
        await page.GotoAsync(path);
        if (path != "/hangfire") await Circuit();
        if (chart is not null) await page.Locator(chart).First.WaitForAsync(new() { Timeout = 180_000 });
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(output, $"{name}{(dark ? "-dark" : "")}.png"), FullPage = true });
        Console.WriteLine($"{name}{(dark ? "-dark" : "")}.png");
    }
    await page.GotoAsync("/stores");
    await Circuit();
    await page.ClickAsync("[data-testid=dark-mode-toggle]");
    await page.WaitForTimeoutAsync(1500);
}
foreach (var e in errors) Console.Error.WriteLine("console error " + e);
return errors.Count == 0 ? 0 : 1;
