using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Lifetime;

public class LifetimeValueAnalysisTests
{
    private static readonly BgNbdModel BgNbd = new(new BgNbdParameters(0.242593, 4.413532, 0.792886, 2.425752));
    private static readonly CustomerSummary Customer = new("x", 2, 30.43, 38.86, 30m);

    [Fact]
    public void Undiscounted_clv_telescopes_to_value_times_expected_purchases_over_the_whole_horizon()
    {
        var clv = LifetimeValueAnalysis.LifetimeValue(BgNbd, Customer, 40, 12, DiscountRate.Monthly(0), TimeUnit.Weeks);
        Assert.Equal(40 * BgNbd.ExpectedPurchases(12 * 4.345, 2, 30.43, 38.86), clv, 9);
    }

    [Fact]
    public void Discounting_lowers_clv_and_one_month_is_discounted_exactly_once()
    {
        var plain = LifetimeValueAnalysis.LifetimeValue(BgNbd, Customer, 40, 12, DiscountRate.Monthly(0), TimeUnit.Weeks);
        var discounted = LifetimeValueAnalysis.LifetimeValue(BgNbd, Customer, 40, 12, DiscountRate.Monthly(0.01), TimeUnit.Weeks);
        Assert.True(discounted < plain, $"{discounted} should be below {plain}");

        var oneMonth = LifetimeValueAnalysis.LifetimeValue(BgNbd, Customer, 40, 1, DiscountRate.Monthly(0.05), TimeUnit.Days);
        Assert.Equal(40 * BgNbd.ExpectedPurchases(30, 2, 30.43, 38.86) / 1.05, oneMonth, 9);
    }

    [Fact]
    public void Annual_rate_compounds_to_the_same_yearly_discount() =>
        Assert.Equal(1.10, Math.Pow(1 + DiscountRate.Annual(0.10).MonthlyRate, 12), 12);

    [Fact]
    public void Run_on_cdnow_scores_every_customer_with_sane_figures()
    {
        var report = LifetimeValueAnalysis.Run(CdnowSample.Transactions, new LifetimeValueOptions(CdnowSample.CalibrationEnd));

        Assert.Equal(2357, report.Customers.Count);
        Assert.Equal(946, report.GammaGammaCustomers);
        Assert.Equal(0.243, report.BgNbd.R, 2);
        Assert.All(report.Customers, c =>
        {
            Assert.InRange(c.ProbabilityAlive, 0, 1);
            Assert.True(c.ExpectedPurchases >= 0 && c.LifetimeValue >= 0 && c.ExpectedAverageOrderValue > 0, c.ToString());
        });
        // Someone who bought often and recently must be worth more than a one-time buyer from January.
        var best = report.Customers.MaxBy(c => c.Summary.Frequency)!;
        var oneTimer = report.Customers.First(c => c.Summary.Frequency == 0 && c.Summary.Age > 38);
        Assert.True(best.LifetimeValue > oneTimer.LifetimeValue, $"{best} vs {oneTimer}");
    }

    [Fact]
    public void Report_totals_and_the_top_list_are_computed_from_every_customer()
    {
        var report = LifetimeValueAnalysis.Run(CdnowSample.Transactions, new LifetimeValueOptions(CdnowSample.CalibrationEnd));

        decimal sum = 0;
        var active = 0;
        foreach (var c in report.Customers)
        {
            sum += c.LifetimeValue;
            if (c.ProbabilityAlive >= 0.5) active++;
        }
        Assert.Equal(sum, report.TotalLifetimeValue);
        Assert.Equal(sum / report.Customers.Count, report.AverageLifetimeValue);
        Assert.Equal(active, report.LikelyActiveCustomers);
        Assert.InRange(active, 1, report.Customers.Count - 1);
        var top = report.TopByValue(20);
        Assert.Equal(20, top.Count);
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.LifetimeValue >= p.Second.LifetimeValue));
        Assert.Equal(report.Customers.Max(c => c.LifetimeValue), top[0].LifetimeValue);
        Assert.True(report.Customers.Except(top).All(c => c.LifetimeValue <= top[^1].LifetimeValue));
    }
}
