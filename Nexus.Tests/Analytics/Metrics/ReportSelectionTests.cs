using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Metrics;

namespace Nexus.Tests.Analytics.Metrics;

/// <summary>The date range a merchant picks, as the URL carries it and as the days it resolves to.</summary>
public sealed class ReportSelectionTests
{
    /// <summary>The merchant's clock on that day, late in the UTC evening (the day must not roll over).</summary>
    private static FakeTimeProvider ClockOn(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 22, 30, 0, TimeSpan.Zero));

    private static (DateOnly First, DateOnly Last) Days(ReportingPeriod period) => (period.FirstDay, period.LastDay);

    [Theory]
    [InlineData("7d", "2024-05-09", "2024-05-15")]
    [InlineData("30d", "2024-04-16", "2024-05-15")]
    [InlineData("90d", "2024-02-16", "2024-05-15")]
    [InlineData("365d", "2023-05-17", "2024-05-15")]
    [InlineData("this-month", "2024-05-01", "2024-05-15")]
    [InlineData("last-month", "2024-04-01", "2024-04-30")]
    [InlineData("ytd", "2024-01-01", "2024-05-15")]
    [InlineData("custom&from=2024-02-03&to=2024-02-29", "2024-02-03", "2024-02-29")]
    public void Each_preset_resolves_to_the_days_of_the_merchants_today(string range, string first, string last)
    {
        var period = ReportSelection.Parse("range=" + range).Period(ClockOn(2024, 5, 15));
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), Days(period));
    }

    [Fact]
    public void Last_month_in_january_is_the_december_before()
    {
        var period = ReportSelection.Parse("range=last-month").Period(ClockOn(2025, 1, 2));
        Assert.Equal((new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 31)), Days(period));
    }

    [Fact]
    public void Rolling_presets_end_on_the_latest_order_when_the_store_stopped_selling_but_calendar_presets_do_not()
    {
        var clock = ClockOn(2024, 5, 15);
        var latestOrder = new DateOnly(2024, 3, 10);
        Assert.Equal((new DateOnly(2024, 2, 10), new DateOnly(2024, 3, 10)), Days(ReportSelection.Parse("range=30d").Period(clock, latestOrder)));
        Assert.Equal((new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 15)), Days(ReportSelection.Parse("range=this-month").Period(clock, latestOrder)));
        // An order dated after today (a data defect) never stretches the period into the future.
        Assert.Equal(new DateOnly(2024, 5, 15), ReportSelection.Parse("range=7d").Period(clock, new DateOnly(2024, 6, 1)).LastDay);
    }

    [Theory]
    [InlineData(60, BucketSize.Day)]
    [InlineData(61, BucketSize.Week)]
    [InlineData(366, BucketSize.Week)]
    [InlineData(367, BucketSize.Month)]
    public void Buckets_are_daily_up_to_60_days_weekly_up_to_366_and_monthly_beyond(int days, BucketSize expected)
    {
        var period = ReportingPeriod.EndingOn(new DateOnly(2024, 12, 31), days);
        Assert.Equal(days, period.Days);
        Assert.Equal(expected, period.DefaultBucketSize);
        // The buckets cover the period exactly, without gaps.
        var buckets = period.Buckets(period.DefaultBucketSize);
        Assert.Equal(period.Start, buckets[0].Start);
        Assert.Equal(period.End, buckets[^1].End);
        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_the_day_before()
    {
        var period = ReportingPeriod.Between(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31));
        Assert.Equal((new DateOnly(2024, 1, 30), new DateOnly(2024, 2, 29)), Days(period.ComparedWith(Comparison.Previous)!));
        Assert.Null(period.ComparedWith(Comparison.None));
    }

    [Fact]
    public void The_same_period_last_year_turns_29_february_into_28_february()
    {
        var leapMonth = ReportingPeriod.Between(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29));
        Assert.Equal((new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28)), Days(leapMonth.ComparedWith(Comparison.YearBefore)!));
        var fromLeapDay = ReportingPeriod.Between(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 6));
        Assert.Equal((new DateOnly(2023, 2, 28), new DateOnly(2023, 3, 6)), Days(fromLeapDay.YearBefore()));
        var ordinary = ReportingPeriod.Between(new DateOnly(2025, 6, 10), new DateOnly(2025, 7, 9));
        Assert.Equal((new DateOnly(2024, 6, 10), new DateOnly(2024, 7, 9)), Days(ordinary.YearBefore()));
    }

    public static TheoryData<ReportSelection> Selections() =>
    [
        ReportSelection.Default,
        new(ReportRange.Last365Days, Compare: Comparison.YearBefore),
        new(ReportRange.Custom, new DateOnly(2024, 1, 5), new DateOnly(2024, 2, 29), Comparison.None, Store: 7, Platform: "woocommerce", Country: "DE", Customers: CustomerFilter.Returning),
        new(ReportRange.YearToDate, Customers: CustomerFilter.New, Platform: "magento"),
    ];

    [Theory]
    [MemberData(nameof(Selections))]
    public void The_url_query_reads_back_into_the_same_selection(ReportSelection selection)
    {
        var query = selection.ToQuery();
        Assert.Equal(selection, ReportSelection.Parse(query));
        Assert.Equal(selection, ReportSelection.Parse("?" + query));
    }

    [Fact]
    public void The_query_names_the_documented_parameters()
    {
        var selection = new ReportSelection(ReportRange.Custom, new DateOnly(2024, 1, 5), new DateOnly(2024, 2, 29), Comparison.Previous, 3, "shopify", "FR", CustomerFilter.New);
        Assert.Equal("range=custom&from=2024-01-05&to=2024-02-29&compare=previous&store=3&platform=shopify&country=FR&customers=new", selection.ToQuery());
        Assert.Equal("range=365d&compare=year", new ReportSelection(ReportRange.Last365Days, Compare: Comparison.YearBefore).ToQuery());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("range=42d&compare=sometimes&store=-3&platform=%3Cscript%3E&country=Germany&customers=vip")]
    [InlineData("range=custom&from=2024-13-01&to=yesterday")]
    [InlineData("range=custom&from=2024-02-01")]
    [InlineData("range&&=&compare=%zz&store=99999999999999999999")]
    public void Garbage_falls_back_to_the_defaults_without_throwing(string? query)
    {
        Assert.Equal(ReportSelection.Default, ReportSelection.Parse(query));
    }

    [Fact]
    public void Garbage_falls_back_to_the_pages_own_defaults_and_good_values_survive_next_to_bad_ones()
    {
        var defaults = ReportSelection.Default with { Range = ReportRange.Last365Days, Compare = Comparison.None };
        var parsed = ReportSelection.Parse("range=nonsense&compare=year&country=de&customers=NEW", defaults);
        Assert.Equal(defaults with { Compare = Comparison.YearBefore, Country = "DE", Customers = CustomerFilter.New }, parsed);
    }

    [Fact]
    public void A_custom_range_given_backwards_is_turned_around_and_two_days_alone_mean_custom()
    {
        Assert.Equal(new ReportSelection(ReportRange.Custom, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)),
            ReportSelection.Parse("range=custom&from=2024-01-31&to=2024-01-01"));
        Assert.Equal(new ReportSelection(ReportRange.Custom, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)),
            ReportSelection.Parse("from=2024-01-01&to=2024-01-31"));
        // A preset ignores stray days.
        Assert.Equal(ReportSelection.Default with { Range = ReportRange.Last7Days }, ReportSelection.Parse("range=7d&from=2024-01-01&to=2024-01-31"));
    }
}
