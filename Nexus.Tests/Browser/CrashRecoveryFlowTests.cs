using Microsoft.Playwright;
using Nexus.Tests.Hardening;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Browser;

/// <summary>
/// Issue 20 item 3 as a merchant meets it: the app is killed (SIGKILL) in the middle of a sync, restarted, and the
/// store must not say "syncing" for good: Sync now is offered again and the sync finishes from its checkpoint.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CrashRecoveryFlowTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "nexus-crash", Guid.NewGuid().ToString("N"));
    private readonly AppProcess _app = new();

    public CrashRecoveryFlowTests()
    {
        _app.Environment["Nexus__DataFolder"] = _data;
        _app.Environment["Nexus__Demo__Password"] = NexusWebFactory.DemoPassword;
        _app.Environment["Nexus__Sandbox__Stores__0__LatencyMs"] = "150"; // slow enough to be killed mid-way
    }

    private Uri Address => _app.Address;

    [Fact]
    public async Task After_the_app_is_killed_mid_sync_and_restarted_Sync_now_is_offered_again_and_finishes()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        await _app.StartAsync();
        var page = await BrowserSession.SignInAsync(browser, Address, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        await StartSyncAsync(page);
        // Killed once orders are arriving: customers and products are stored, orders part-way.
        await page.WaitForFunctionAsync("() => /^\\s*[1-9]/.test(document.querySelector('[data-testid=count-orders]')?.innerText ?? '')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await _app.KillAsync();

        await _app.StartAsync();
        // Before: the job stayed "Processing" for Hangfire's 30-minute invisibility timeout and the card said "syncing".
        page = await BrowserSession.SignInAsync(browser, Address, "merchant@nexus.demo", NexusWebFactory.DemoPassword, "/stores");
        var offered = false;
        for (var attempt = 0; attempt < 20 && !offered; attempt++)
        {
            offered = await page.Locator("[data-testid=sync-now]").CountAsync() > 0;
            if (!offered)
            {
                await Task.Delay(2_000);
                await page.ReloadAsync();
                await BrowserSession.WaitForCircuitAsync(page);
            }
        }
        Assert.True(offered, "after the restart the store still says it is syncing");
        Assert.Contains("Interrupted before it finished", await page.InnerTextAsync("[data-testid^=store-card]"));

        await StartSyncAsync(page);
        var summary = page.Locator("[data-testid=sync-summary]");
        await summary.WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        Assert.Contains("success", await summary.GetAttributeAsync("class"));
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "sync-after-crash.png"), FullPage = true });
    }

    /// <summary>Clicks Sync now until the card shows the sync (a slow machine can take more than the shared helper's 2 s).</summary>
    private static async Task StartSyncAsync(IPage page)
    {
        const string started = "() => !!document.querySelector('[data-testid=sync-progress], [data-testid=sync-queued]')";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await page.Locator("[data-testid=sync-now]").CountAsync() > 0) await page.ClickAsync("[data-testid=sync-now]", new PageClickOptions { Timeout = 5_000 });
            try
            {
                await page.WaitForFunctionAsync(started, null, new PageWaitForFunctionOptions { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException)
            {
                // the click hit prerendered HTML or the circuit is slow: try again
            }
        }
        Assert.Fail("clicking Sync now never showed the sync");
    }

    public void Dispose()
    {
        _app.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
