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
        Assert.Equal("225.00 EUR", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Equal("6", page.Find("[data-testid=kpi-orders] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Contains("110.00 EUR", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-delta]").TextContent);
        Assert.StartsWith("+", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-delta]").TextContent.Trim());
        Assert.Contains("Completed", page.Find("[data-testid=status-funnel]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=revenue-chart]"));
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
    }
}
