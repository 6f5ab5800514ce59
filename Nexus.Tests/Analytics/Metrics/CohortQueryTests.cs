using Nexus.Core.Analytics.Metrics;
using static Nexus.Tests.Analytics.Metrics.MetricsTestData;

namespace Nexus.Tests.Analytics.Metrics;

public sealed class CohortQueryTests
{
    [Fact]
    public async Task Monthly_cohorts_give_retention_and_cumulative_revenue_per_customer()
    {
        await using var database = await CreateAsync();
        var report = await new CohortQuery(database).RunAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR"), new DateOnly(2026, 3, 31), months: 3);

        Assert.Equal(new DateOnly(2026, 1, 1), report.FirstMonth);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], report.Cohorts.Select(c => c.Month));

        var january = report.Cohorts[0];
        Assert.Equal(0, january.Customers);
        Assert.Empty(january.Retention);

        // February: c1 (100, then 40 + 30 in March) and c7 (10, never again).
        var february = report.Cohorts[1];
        Assert.Equal(2, february.Customers);
        Assert.Equal([1.0, 0.5], february.Retention);
        Assert.Equal([55m, 90m], february.CumulativeRevenuePerCustomer);

        // March: the guest ana@x.com (20 + 40) and c5 (80); c1 is February's, not a March starter.
        var march = report.Cohorts[2];
        Assert.Equal(2, march.Customers);
        Assert.Equal([1.0], march.Retention);
        Assert.Equal([70m], march.CumulativeRevenuePerCustomer);
    }
}
