using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Rfm;
using Nexus.Tests.Analytics.Lifetime;

namespace Nexus.Tests.Analytics.Rfm;

public class RfmAnalysisTests
{
    private static Transaction T(string id, int year, int month, int day, decimal amount) =>
        new(id, new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero), amount);

    [Fact]
    public void Computes_raw_recency_frequency_monetary_and_ignores_orders_after_the_as_of_date()
    {
        var report = RfmAnalysis.Run(
        [
            T("a", 2024, 1, 1, 10m), T("a", 2024, 1, 20, 15m), T("a", 2024, 3, 1, 999m),
            T("b", 2024, 1, 31, 7m),
        ], new DateOnly(2024, 1, 31));

        var a = report.Customers.Single(c => c.CustomerId == "a");
        Assert.Equal((11, 2, 25m), (a.RecencyDays, a.Frequency, a.Monetary));
        var b = report.Customers.Single(c => c.CustomerId == "b");
        Assert.Equal((0, 1, 7m), (b.RecencyDays, b.Frequency, b.Monetary));
        Assert.True(b.RecencyScore > a.RecencyScore, "the more recent customer must score higher on R");
    }

    [Fact]
    public void Best_and_worst_customers_land_in_champions_and_lost()
    {
        var asOf = new DateOnly(2024, 12, 31);
        var tx = new List<Transaction>();
        for (var i = 0; i < 10; i++) // customer i: last order i*30 days ago, i+1.. orders of decreasing size
        {
            var last = asOf.AddDays(-30 * i).ToDateTime(TimeOnly.MinValue);
            for (var n = 0; n < 10 - i; n++)
                tx.Add(new Transaction($"c{i}", new DateTimeOffset(last.AddDays(-n), TimeSpan.Zero), 100m - 10 * i));
        }
        var report = RfmAnalysis.Run(tx, asOf);
        var best = report.Customers.Single(c => c.CustomerId == "c0");
        var worst = report.Customers.Single(c => c.CustomerId == "c9");
        Assert.Equal(("555", RfmSegment.Champions), (best.Code, best.Segment));
        Assert.Equal(("111", RfmSegment.Lost), (worst.Code, worst.Segment));
    }

    [Fact]
    public void Segment_summary_on_cdnow_accounts_for_every_customer_and_all_revenue()
    {
        var report = RfmAnalysis.Run(CdnowSample.Transactions, CdnowSample.CalibrationEnd);
        Assert.Equal(2357, report.Customers.Count);
        Assert.Equal(report.Customers.Count, report.Segments.Sum(s => s.Customers));
        Assert.Equal(1.0, report.Segments.Sum(s => s.RevenueShare), 9);
        Assert.Equal(report.Customers.Sum(c => c.Monetary), report.Segments.Sum(s => s.Revenue));
        foreach (var s in report.Segments)
        {
            var members = report.Customers.Where(c => c.Segment == s.Segment).ToArray();
            Assert.Equal(members.Average(c => c.Frequency), s.AverageFrequency, 9);
            Assert.Equal(members.Average(c => c.RecencyDays), s.AverageRecencyDays, 9);
        }
        // Champions must out-spend the Lost on average, or the map is upside down.
        var champions = report.Segments.Single(s => s.Segment == RfmSegment.Champions);
        var lost = report.Segments.Single(s => s.Segment == RfmSegment.Lost);
        Assert.True(champions.AverageMonetary > lost.AverageMonetary);
    }
}
