using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Lifetime;

public class CustomerSummaryBuilderTests
{
    private static Transaction T(string id, string date, decimal amount) =>
        new(id, DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount);

    [Fact]
    public void Same_day_purchases_count_once_and_their_amounts_are_summed()
    {
        var summaries = CustomerSummaryBuilder.Build(
        [
            T("a", "2024-01-01T09:00:00Z", 10m),
            T("a", "2024-01-01T18:00:00Z", 5m),   // same day as the first: not a repeat
            T("a", "2024-01-08T10:00:00Z", 20m),
            T("a", "2024-01-08T11:00:00Z", 4m),   // merged with the 20 → one repeat of 24
            T("a", "2024-01-15T00:00:00Z", 30m),
        ], new DateOnly(2024, 1, 29), TimeUnit.Weeks);

        var a = Assert.Single(summaries);
        Assert.Equal(2, a.Frequency);
        Assert.Equal(2.0, a.Recency, 12);  // Jan 1 → Jan 15
        Assert.Equal(4.0, a.Age, 12);      // Jan 1 → Jan 29
        Assert.Equal(27m, a.MonetaryValue); // (24 + 30) / 2; the first day's 15 is excluded
    }

    [Fact]
    public void Purchases_after_the_calibration_end_are_ignored_and_one_time_buyers_have_zero_value()
    {
        var summaries = CustomerSummaryBuilder.Build(
        [
            T("b", "2024-01-10T00:00:00Z", 50m),
            T("b", "2024-02-10T00:00:00Z", 70m), // after calibration end
            T("c", "2024-02-01T00:00:00Z", 10m), // first purchase after calibration end: not a customer yet
        ], new DateOnly(2024, 1, 31), TimeUnit.Days);

        var b = Assert.Single(summaries);
        Assert.Equal(("b", 0, 0.0, 21.0, 0m), (b.CustomerId, b.Frequency, b.Recency, b.Age, b.MonetaryValue));
    }

    [Fact]
    public void A_purchase_on_the_calibration_end_day_is_included()
    {
        var summaries = CustomerSummaryBuilder.Build(
            [T("d", "2024-01-01T00:00:00Z", 1m), T("d", "2024-01-31T23:00:00Z", 3m)],
            new DateOnly(2024, 1, 31), TimeUnit.Days);
        Assert.Equal(1, summaries[0].Frequency);
        Assert.Equal(30.0, summaries[0].Recency);
    }
}
