using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Analytics.Metrics;
using Nexus.Tests.Analytics.Metrics;
using Nexus.Web.Components.Pages.Overview;
using Nexus.Web.Components.Shared;

namespace Nexus.Tests.Web.Analytics;

/// <summary>The Overview's date range: KPIs and chart follow it together, and the URL keeps it.</summary>
public sealed class OverviewRangeTests : AnalyticsPageContext
{
    private static string Kpi(IRenderedComponent<Overview> page, string key) => page.Find($"[data-testid=kpi-{key}] [data-testid=kpi-value]").TextContent.Trim();

    [Fact]
    public async Task Changing_the_range_changes_the_kpis_the_chart_and_the_url_together()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("225.00\u00A0EUR", Kpi(page, "revenue")), TimeSpan.FromSeconds(10));
        Assert.Equal(30, page.FindComponent<RevenueChart>().Instance.Points.Count);

        var controls = page.FindComponent<ReportControls>();
        await page.InvokeAsync(() => controls.Instance.SelectionChanged.InvokeAsync(controls.Instance.Selection with { Range = ReportRange.Last7Days }));

        // 19–25 March: orders 3 (30) and 11 (80); the USD order 10 has no rate to convert with.
        page.WaitForAssertion(() => Assert.Equal("110.00\u00A0EUR", Kpi(page, "revenue")), TimeSpan.FromSeconds(10));
        Assert.Equal("2", Kpi(page, "orders"));
        var chart = page.FindComponent<RevenueChart>().Instance;
        Assert.Equal(7, chart.Points.Count);
        Assert.Equal(110m, chart.Points.Sum(p => p.Revenue));
        Assert.Contains("2026-03-19 – 2026-03-25", page.Find("[data-testid=period-label]").TextContent);
        Assert.Contains("range=7d", Services.GetRequiredService<NavigationManager>().Uri);

        await page.InvokeAsync(() => controls.Instance.SelectionChanged.InvokeAsync(controls.Instance.Selection with { Range = ReportRange.Last365Days }));
        page.WaitForAssertion(() => Assert.Equal(BucketSize.Week, page.FindComponent<RevenueChart>().Instance.BucketSize), TimeSpan.FromSeconds(10));
        Assert.Equal(53, page.FindComponent<RevenueChart>().Instance.Points.Count);
    }

    [Fact]
    public async Task A_bookmarked_url_opens_the_same_view()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?range=custom&from=2026-03-01&to=2026-03-15&compare=none");
        var page = Render<Overview>();

        // 1–15 March: orders 2 (50 − 10), 4 (20), 5 (40), 6 (15).
        page.WaitForAssertion(() => Assert.Equal("115.00\u00A0EUR", Kpi(page, "revenue")), TimeSpan.FromSeconds(10));
        Assert.Equal("4", Kpi(page, "orders"));
        Assert.Equal(15, page.FindComponent<RevenueChart>().Instance.Points.Count);
        // No comparison: no change line, and the caption names no other period.
        Assert.Empty(page.FindAll("[data-testid=kpi-delta]"));
        Assert.DoesNotContain("vs", page.Find("[data-testid=period-label]").TextContent);
        Assert.Equal(ReportRange.Custom, page.FindComponent<ReportControls>().Instance.Selection.Range);
    }

    [Fact]
    public async Task Comparing_with_last_year_says_so_and_shows_the_change()
    {
        await using var database = await MetricsTestData.CreateAsync();
        Use(database);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?range=30d&compare=year");
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Contains("same period last year", page.Find("[data-testid=period-label]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("2025-02-24 – 2025-03-25", page.Find("[data-testid=period-label]").TextContent);
        // Nothing was sold a year earlier.
        Assert.Contains("no previous data", page.Find("[data-testid=kpi-revenue] [data-testid=kpi-delta]").TextContent);
    }
}
