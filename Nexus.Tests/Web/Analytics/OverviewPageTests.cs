using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;
using Bunit;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Components.Pages.Overview;

namespace Nexus.Tests.Web.Analytics;

public sealed class OverviewPageTests : AnalyticsPageContext
{
    [Fact]
    public async Task Shows_kpi_tiles_computed_from_the_stored_orders()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        var page = Render<Overview>();

        // Last 30 days up to the latest order (25 March): orders 2, 3, 4, 5, 6, 11; the 30 days before: orders 1 and 12.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-tiles]")), TimeSpan.FromSeconds(10));
        // Figure and unit are joined by a no-break space, so they never wrap apart.
        Assert.Equal("225.00\u00A0EUR", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Equal("6", page.Find("[data-testid=kpi-orders] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Contains("110.00\u00A0EUR", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-delta]").TextContent);
        Assert.StartsWith("+", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-delta]").TextContent.Trim());
        Assert.Contains("Completed", page.Find("[data-testid=status-funnel]").TextContent);
        // Rates change in percentage points, never as a relative percentage of a percentage.
        Assert.EndsWith("pp", page.Find("[data-testid=kpi-refunds] [data-testid=kpi-delta] span").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=revenue-chart]"));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public async Task Prerendering_sends_the_frame_with_a_progress_bar_and_leaves_the_figures_to_the_circuit()
    {
        // Computing while prerendering held the page's first byte for the whole computation (over 30 s for the
        // Customers page on a busy machine) and then computed everything again on the circuit.
        await using var database = await MetricsTestData.CreateAsync();
        Use(database, interactive: false);
        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(10));
        // Computing these twelve orders takes milliseconds: had the prerender computed them, they would be here.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(page.FindAll("[data-testid=kpi-tiles]"));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public async Task Without_synced_orders_it_says_so_and_points_to_stores()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        Use(database);
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=empty-state]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=kpi-tiles]"));
        Assert.Equal("stores", page.Find("[data-testid=empty-state] a").GetAttribute("href"));
        // The store is connected, so the page does not ask to connect one: it asks for the first sync, by name.
        Assert.Equal("Sync bench to see your revenue, orders and customers", page.Find("[data-testid=empty-state] h6").TextContent.Trim());
    }

    [Fact]
    public async Task A_synced_store_without_paid_orders_is_told_so_not_asked_to_connect_a_store()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await using (var db = database.ForTenant())
        {
            db.SyncRuns.Add(new Nexus.Core.Sync.SyncRun { TenantId = database.TenantId, StoreId = database.StoreId, Mode = Nexus.Core.Sync.SyncMode.Full,
                Status = Nexus.Core.Sync.SyncRunStatus.Succeeded, StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }
        Use(database);
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=empty-state] h6")), TimeSpan.FromSeconds(10));
        Assert.Equal("No paid orders yet", page.Find("[data-testid=empty-state] h6").TextContent.Trim());
        Assert.DoesNotContain("Connect a store", page.Markup);
    }

    [Fact]
    public async Task Products_of_a_merchant_whose_data_is_ready_but_not_yet_analysed_offer_the_analysis_not_a_store()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        var page = Render<Nexus.Web.Components.Pages.Products.Products>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=empty-state] h6")), TimeSpan.FromSeconds(10));
        Assert.Equal("Your products have not been analysed yet", page.Find("[data-testid=empty-state] h6").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=compute-now]"));
        Assert.DoesNotContain("Connect a store", page.Markup);
    }

    [Fact]
    public void Each_data_state_names_what_is_missing()
    {
        const string what = "your cohorts";
        Assert.StartsWith("Connect a store", new DataStatus(0, 0, false, 0, null).Explain(what).Title);
        Assert.Equal("Shop is syncing", new DataStatus(1, 0, true, 0, "Shop").Explain(what).Title);
        Assert.Equal("Sync Shop to see your cohorts", new DataStatus(2, 0, false, 0, "Shop").Explain(what).Title);
        Assert.Equal("No paid orders yet", new DataStatus(1, 1, false, 0, "Shop").Explain(what).Title);
    }
}
