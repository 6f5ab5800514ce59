using Nexus.Core.Analytics.Metrics;
using static Nexus.Tests.Analytics.Metrics.MetricsTestData;

namespace Nexus.Tests.Analytics.Metrics;

public sealed class OverviewQueryTests
{
    private static readonly ReportingPeriod March = ReportingPeriod.EndingOn(new DateOnly(2026, 3, 31), 31);

    [Fact]
    public async Task Kpis_match_the_hand_computed_figures_for_the_period_and_the_one_before()
    {
        await using var database = await CreateAsync();
        var report = await new OverviewQuery(database).RunAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR"), March);

        var now = report.Current;
        // Revenue orders 2,3,4,5,6,11: (50−10) + 30 + 20 + 40 + 15 + 80.
        Assert.Equal(225m, now.Revenue);
        Assert.Equal(6, now.Orders);
        Assert.Equal(37.5m, now.AverageOrderValue);
        // c1 (first order in February: returning), the guest ana@x.com (two orders), c5; the no-e-mail guest is nobody.
        Assert.Equal(3, now.Customers);
        Assert.Equal(2, now.NewCustomers);
        Assert.Equal(1, now.ReturningCustomers);
        Assert.Equal(2, now.RepeatCustomers);
        // Accounts created in March: c5 (bought), c6 (never ordered), c2 (only pending/cancelled orders).
        Assert.Equal(3, now.RegisteredAccounts);
        Assert.Equal(1, now.RegisteredBuyers);
        // Refund rate over revenue + refunded orders: (10 + 60) / (50+30+20+40+15+80+60).
        Assert.Equal(295m, now.PaidGross);
        Assert.Equal(70m, now.Refunded);
        Assert.Equal(70.0 / 295.0, now.RefundRate!.Value, 12);

        var before = Assert.IsType<PeriodKpis>(report.Previous);
        Assert.Equal(new DateTimeOffset(2026, 1, 29, 0, 0, 0, TimeSpan.Zero), before.Period.Start);
        Assert.Equal(110m, before.Revenue);
        Assert.Equal(2, before.Orders);
        Assert.Equal(2, before.Customers);
        Assert.Equal(2, before.NewCustomers);
        Assert.Equal(0, before.RepeatCustomers);
        Assert.Equal(115.0 / 110.0, OverviewReport.Change(now.Revenue, before.Revenue)!.Value, 12);
    }

    [Fact]
    public async Task Status_funnel_counts_every_order_of_the_currency_in_lifecycle_order()
    {
        await using var database = await CreateAsync();
        var report = await new OverviewQuery(database).RunAsync(new AnalyticsScope(database.TenantId, null, "EUR"), March);
        Assert.Equal(
            [new StatusCount("Pending", 1), new StatusCount("OnHold", 1), new StatusCount("Processing", 1), new StatusCount("Completed", 4),
             new StatusCount("Refunded", 1), new StatusCount("Cancelled", 1)],
            report.StatusFunnel);
    }

    [Fact]
    public async Task Revenue_over_time_has_one_bucket_per_day_and_adds_up_to_the_period_revenue()
    {
        await using var database = await CreateAsync();
        var report = await new OverviewQuery(database).RunAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR"), March);
        Assert.Equal(BucketSize.Day, report.BucketSize);
        Assert.Equal(31, report.RevenueOverTime.Count);
        var fifth = report.RevenueOverTime[4];
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero), fifth.Start);
        Assert.Equal((40m, 1), (fifth.Revenue, fifth.Orders));
        Assert.Equal(0m, report.RevenueOverTime[5].Revenue);
        Assert.Equal(225m, report.RevenueOverTime.Sum(p => p.Revenue));
    }

    [Fact]
    public async Task Another_currency_is_reported_on_its_own()
    {
        await using var database = await CreateAsync();
        var report = await new OverviewQuery(database).RunAsync(new AnalyticsScope(database.TenantId, null, "USD"), March);
        Assert.Equal((99m, 1, 1), (report.Current.Revenue, report.Current.Orders, report.Current.Customers));

        await using var db = database.CreateDbContext();
        var currencies = await ScopeCurrencies.ListAsync(db, database.TenantId, null);
        Assert.Equal([new CurrencyCount("EUR", 8), new CurrencyCount("USD", 1)], currencies);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_this_store()
    {
        await using var database = await CreateAsync();
        var report = await new OverviewQuery(database).RunAsync(new AnalyticsScope(Guid.NewGuid(), database.StoreId, "EUR"), March);
        Assert.Equal((0m, 0, 0), (report.Current.Revenue, report.Current.Orders, report.Current.Customers));
        Assert.Empty(report.StatusFunnel);
    }

    [Fact]
    public void Weekly_and_monthly_buckets_cover_the_period_exactly()
    {
        var quarter = ReportingPeriod.EndingOn(new DateOnly(2026, 3, 31), 90);
        var weeks = quarter.Buckets(BucketSize.Week);
        Assert.Equal(13, weeks.Count);
        Assert.Equal(quarter.End, weeks[^1].End);
        Assert.Equal(6, (weeks[^1].End - weeks[^1].Start).Days);
        var months = quarter.Buckets(BucketSize.Month);
        Assert.Equal([new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)],
            months.Select(b => b.Start));
    }
}
