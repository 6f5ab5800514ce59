using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>Data the models cannot learn from is refused with what is missing, not fitted to boundary parameters.</summary>
public class LifetimeValueRefusalTests
{
    private static Transaction Buy(string customer, int day, decimal amount) =>
        new(customer, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day), amount);

    [Fact]
    public void Nobody_with_a_repeat_purchase_is_refused()
    {
        var oneTimers = Enumerable.Range(0, 30).Select(i => Buy($"c{i}", i, 20m));
        var error = Assert.Throws<InsufficientDataException>(() =>
            LifetimeValueAnalysis.Run(oneTimers, new LifetimeValueOptions(new DateOnly(2024, 6, 30))));
        Assert.Contains("none of the 30 customers made a repeat purchase", error.Message);
    }

    [Fact]
    public void Repeat_purchases_only_after_the_calibration_end_do_not_count()
    {
        // Every customer buys again in July, but the models only see up to June.
        var transactions = Enumerable.Range(0, 30).SelectMany(i => new[] { Buy($"c{i}", i, 20m), Buy($"c{i}", 190 + i, 25m) });
        Assert.Throws<InsufficientDataException>(() =>
            LifetimeValueAnalysis.Run(transactions, new LifetimeValueOptions(new DateOnly(2024, 6, 30))));
    }

    [Fact]
    public void No_transactions_up_to_the_calibration_end_is_refused()
    {
        var error = Assert.Throws<InsufficientDataException>(() =>
            LifetimeValueAnalysis.Run([Buy("a", 100, 10m), Buy("a", 120, 10m)], new LifetimeValueOptions(new DateOnly(2024, 1, 31))));
        Assert.Contains("2024-01-31", error.Message);
    }

    [Fact]
    public void The_guard_lets_the_CDNOW_sample_through() =>
        Assert.Equal(2357, LifetimeValueAnalysis.Run(CdnowSample.Transactions, new LifetimeValueOptions(CdnowSample.CalibrationEnd)).Customers.Count);
}
