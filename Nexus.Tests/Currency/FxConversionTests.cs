using Microsoft.EntityFrameworkCore;
using Nexus.Core.Currency;

namespace Nexus.Tests.Currency;

/// <summary>
/// Conversion in SQL against the shipped ECB file. Every expected figure is computed here from the file's raw numbers
/// (read by eye; the comment names the row of eurofxref-hist.csv, line 1 being the header) with the cross rate through
/// EUR: amount_X × rate_Y / rate_X.
/// </summary>
public sealed class FxConversionTests(FxDatabase fx) : IClassFixture<FxDatabase>
{
    private static DateTimeOffset Utc(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    /// <summary>Minor units of X converted to minor units of Y, rounded once as the query does.</summary>
    private static decimal Expected(long minorX, int decimalsX, double rateX, int decimalsY, double rateY) =>
        Math.Round((decimal)(minorX / Math.Pow(10, decimalsX) * rateY / rateX * Math.Pow(10, decimalsY)), 0, MidpointRounding.AwayFromZero) / (decimal)Math.Pow(10, decimalsY);

    public static TheoryData<string, DateTimeOffset, string, long, string, decimal> Cases => new()
    {
        // A Friday: its own row, 2024-12-20 (line 332): USD 1.039, GBP 0.82965.
        { "weekday", Utc(2024, 12, 20), "USD", 10_000, "GBP", Expected(10_000, 2, 1.039, 2, 0.82965) },
        // Saturday 2024-12-21 has no row: the latest earlier day is Friday 2024-12-20 (line 332).
        { "weekend", Utc(2024, 12, 21), "USD", 10_000, "GBP", Expected(10_000, 2, 1.039, 2, 0.82965) },
        // Christmas 2024-12-25 (TARGET holiday, no row): 2024-12-24 (line 330): USD 1.0395, GBP 0.82805.
        { "holiday 25 Dec", Utc(2024, 12, 25), "USD", 12_345, "GBP", Expected(12_345, 2, 1.0395, 2, 0.82805) },
        // 2025-01-01 (holiday): 2024-12-31 (line 327): USD 1.0389, GBP 0.82918.
        { "new year", Utc(2025, 1, 1), "GBP", 50_000, "USD", Expected(50_000, 2, 0.82918, 2, 1.0389) },
        // JPY has no minor unit: ¥10,000 on 2024-12-26 (holiday) → 2024-12-24 (line 330): JPY 163.25, USD 1.0395.
        { "zero-decimal source", Utc(2024, 12, 26), "JPY", 10_000, "USD", Expected(10_000, 0, 163.25, 2, 1.0395) },
        // EUR is 1 by definition: €100 on 2024-12-24 (line 330) → USD 1.0395.
        { "from EUR", Utc(2024, 12, 24), "EUR", 10_000, "USD", Expected(10_000, 2, 1, 2, 1.0395) },
        // HRK's last quote is 2022-12-30 (line 838): 7.5365; 2023-01-02 is 3 days later, not stale.
        { "HRK just after its last quote", Utc(2023, 1, 2), "HRK", 75_365, "EUR", Expected(75_365, 2, 7.5365, 2, 1) },
        // RUB's last quote is 2022-03-01 (line 1053): 117.201; 2022-03-08, a week on, still converts with it.
        { "RUB after its last quote", Utc(2022, 3, 8), "RUB", 1_172_010, "EUR", Expected(1_172_010, 2, 117.201, 2, 1) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_converted_order_equals_the_hand_computed_ECB_cross_rate(string because, DateTimeOffset at, string from, long minor, string to, decimal expected)
    {
        var tenant = await fx.NewTenantAsync();
        await fx.AddOrderAsync(tenant, await fx.NewStoreAsync(tenant, "s"), from, minor, at);

        var report = await fx.ConvertedDayAsync(tenant, to, DateOnly.FromDateTime(at.UtcDateTime));

        Assert.True(expected == report.Current.Revenue, $"{because}: expected {expected} {to}, got {report.Current.Revenue}");
        Assert.Equal(1, report.Current.Orders);
        Assert.Equal(0, report.Conversion!.UnconvertedOrders);
    }

    [Fact]
    public async Task A_rate_more_than_seven_days_older_than_the_order_is_flagged_stale()
    {
        var tenant = await fx.NewTenantAsync();
        var store = await fx.NewStoreAsync(tenant, "s");
        // HRK stopped after 2022-12-30 (line 838): 2023-01-06 is 7 days on (not stale), 2023-01-09 is 10 (stale).
        await fx.AddOrderAsync(tenant, store, "HRK", 75_365, Utc(2023, 1, 6));
        await fx.AddOrderAsync(tenant, store, "HRK", 75_365, Utc(2023, 1, 9));

        var notStale = await fx.ConvertedDayAsync(tenant, "EUR", new DateOnly(2023, 1, 6));
        var stale = await fx.ConvertedDayAsync(tenant, "EUR", new DateOnly(2023, 1, 9));

        Assert.Equal(0, notStale.Conversion!.StaleOrders);
        Assert.Equal(1, stale.Conversion!.StaleOrders);
        Assert.Equal(Expected(75_365, 2, 7.5365, 2, 1), stale.Current.Revenue); // still converted, with the last quote
    }

    [Fact]
    public async Task The_order_day_is_its_UTC_day_so_one_second_before_midnight_takes_that_days_rate()
    {
        var tenant = await fx.NewTenantAsync();
        var store = await fx.NewStoreAsync(tenant, "s");
        // 2024-12-23 (line 331) USD 1.0393; 2024-12-24 (line 330) USD 1.0395.
        await fx.AddOrderAsync(tenant, store, "EUR", 1_000_000, new DateTimeOffset(2024, 12, 23, 23, 59, 59, TimeSpan.Zero));
        await fx.AddOrderAsync(tenant, store, "EUR", 1_000_000, new DateTimeOffset(2024, 12, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(Expected(1_000_000, 2, 1, 2, 1.0393), (await fx.ConvertedDayAsync(tenant, "USD", new DateOnly(2024, 12, 23))).Current.Revenue);
        Assert.Equal(Expected(1_000_000, 2, 1, 2, 1.0395), (await fx.ConvertedDayAsync(tenant, "USD", new DateOnly(2024, 12, 24))).Current.Revenue);
    }

    [Fact]
    public async Task The_revenue_chart_converts_each_day_with_its_own_rate()
    {
        var tenant = await fx.NewTenantAsync();
        var store = await fx.NewStoreAsync(tenant, "s");
        // 2024-12-23 (line 331) USD 1.0393; 2024-12-24 (line 330) USD 1.0395; 2024-12-25 (holiday) uses 2024-12-24.
        foreach (var day in new[] { 23, 24, 25 }) await fx.AddOrderAsync(tenant, store, "USD", 10_000, Utc(2024, 12, day));

        var report = await fx.Overview.RunAsync(new Nexus.Core.Analytics.Metrics.AnalyticsScope(tenant, null, "EUR", Converted: true),
            Nexus.Core.Analytics.Metrics.ReportingPeriod.EndingOn(new DateOnly(2024, 12, 25), 3));

        Assert.Equal([Expected(10_000, 2, 1.0393, 2, 1), Expected(10_000, 2, 1.0395, 2, 1), Expected(10_000, 2, 1.0395, 2, 1)],
            report.RevenueOverTime.Select(p => p.Revenue));
        Assert.Equal([1, 1, 1], report.RevenueOverTime.Select(p => p.Orders));
    }

    [Fact]
    public async Task A_currency_without_any_rate_is_left_out_and_named()
    {
        var tenant = await fx.NewTenantAsync();
        var store = await fx.NewStoreAsync(tenant, "s");
        await fx.AddOrderAsync(tenant, store, "AED", 10_000, Utc(2024, 12, 20)); // the ECB does not quote AED
        await fx.AddOrderAsync(tenant, store, "EUR", 10_000, Utc(2024, 12, 20));

        var report = await fx.ConvertedDayAsync(tenant, "EUR", new DateOnly(2024, 12, 20));

        Assert.Equal(100m, report.Current.Revenue);
        Assert.Equal(1, report.Current.Orders);
        Assert.Equal(1, report.Conversion!.UnconvertedOrders);
        Assert.Equal(["AED"], report.Conversion.UnconvertedCurrencies);
    }

    [Fact]
    public async Task A_merchants_own_rate_wins_on_its_days_for_that_merchant_only()
    {
        var (mine, theirs) = (await fx.NewTenantAsync(), await fx.NewTenantAsync());
        foreach (var tenant in new[] { mine, theirs })
        {
            var store = await fx.NewStoreAsync(tenant, "s");
            await fx.AddOrderAsync(tenant, store, "USD", 10_000, Utc(2024, 12, 20));
            await fx.AddOrderAsync(tenant, store, "USD", 10_000, Utc(2024, 12, 23));
        }
        await fx.Rates.AddOverrideAsync(mine, "usd", new DateOnly(2024, 12, 20), new DateOnly(2024, 12, 22), 1.25);

        // Overridden: $100 / 1.25 = €80. The next day is the ECB's again: 2024-12-23 (line 331) USD 1.0393.
        Assert.Equal(80m, (await fx.ConvertedDayAsync(mine, "EUR", new DateOnly(2024, 12, 20))).Current.Revenue);
        Assert.Equal(Expected(10_000, 2, 1.0393, 2, 1), (await fx.ConvertedDayAsync(mine, "EUR", new DateOnly(2024, 12, 23))).Current.Revenue);
        // Another merchant still gets the ECB's 2024-12-20 (line 332) USD 1.039.
        Assert.Equal(Expected(10_000, 2, 1.039, 2, 1), (await fx.ConvertedDayAsync(theirs, "EUR", new DateOnly(2024, 12, 20))).Current.Revenue);
        Assert.Single(await fx.Rates.ListOverridesAsync(mine));
        Assert.Empty(await fx.Rates.ListOverridesAsync(theirs));
    }

    [Fact]
    public async Task Loading_the_shipped_file_again_changes_nothing()
    {
        await using var db = fx.Db.CreateDbContext();
        var before = await db.FxRates.CountAsync();
        await fx.Rates.EnsureShippedRatesAsync();
        await fx.Rates.ImportFileAsync(EcbRatesFile.ShippedPath);

        Assert.Equal(before, await db.FxRates.CountAsync());
        // First and last rows of the file: 1999-01-04 (line 6984) and 2026-04-13 (line 2) USD 1.1684.
        Assert.Equal(new DateOnly(1999, 1, 4), DateOnly.FromDayNumber(await db.FxRates.MinAsync(r => r.Day)));
        Assert.Equal(1.1684, await db.FxRates.Where(r => r.Currency == "USD" && r.Day == new DateOnly(2026, 4, 13).DayNumber).Select(r => r.PerEur).SingleAsync());
        Assert.False(await db.FxRates.AnyAsync(r => r.Currency == "HRK" && r.Day > new DateOnly(2022, 12, 30).DayNumber));
    }
}
