namespace Nexus.Core.Analytics.Rfm;

/// <summary>One customer's RFM figures and scores.</summary>
/// <param name="CustomerId">Customer key.</param>
/// <param name="RecencyDays">Days from the last order to the as-of date.</param>
/// <param name="Frequency">Number of orders up to the as-of date.</param>
/// <param name="Monetary">Total spend up to the as-of date.</param>
/// <param name="RecencyScore">1–5; 5 = most recent fifth.</param>
/// <param name="FrequencyScore">1–5; 5 = most frequent fifth.</param>
/// <param name="MonetaryScore">1–5; 5 = highest-spending fifth.</param>
/// <param name="Segment">Named segment from (R, FM), see <see cref="RfmSegmentMap"/>.</param>
public sealed record CustomerRfm(
    string CustomerId, int RecencyDays, int Frequency, decimal Monetary,
    int RecencyScore, int FrequencyScore, int MonetaryScore, RfmSegment Segment)
{
    /// <summary>Combined frequency/monetary score used by the segment map.</summary>
    public int FmScore => RfmSegmentMap.FmScore(FrequencyScore, MonetaryScore);

    /// <summary>The classic three-digit code, e.g. "545".</summary>
    public string Code => $"{RecencyScore}{FrequencyScore}{MonetaryScore}";
}

/// <summary>Per-segment totals and averages.</summary>
public sealed record RfmSegmentSummary(
    RfmSegment Segment, int Customers, double CustomerShare, decimal Revenue, double RevenueShare,
    double AverageRecencyDays, double AverageFrequency, decimal AverageMonetary);

/// <summary>RFM result: customers ordered by id, and one summary per non-empty segment (in enum order).</summary>
public sealed record RfmReport(DateOnly AsOf, IReadOnlyList<CustomerRfm> Customers, IReadOnlyList<RfmSegmentSummary> Segments);

/// <summary>Recency/frequency/monetary scoring and named segments.</summary>
public static class RfmAnalysis
{
    /// <summary>
    /// Scores every customer with an order on or before <paramref name="asOf"/> (later orders are ignored).
    /// Frequency counts orders (transactions), monetary sums their amounts, recency is whole days from the
    /// last order's calendar day to <paramref name="asOf"/>.
    /// </summary>
    public static RfmReport Run(IEnumerable<Transaction> transactions, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var perCustomer = transactions
            .Where(t => t.Day <= asOf)
            .GroupBy(t => t.CustomerId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Recency: asOf.DayNumber - g.Max(t => t.Day).DayNumber, Frequency: g.Count(), Monetary: g.Sum(t => t.Amount)))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();

        // Fewer days since the last order is better, so recency is ranked on −days.
        var r = QuintileScorer.Score(perCustomer.Select(c => -(double)c.Recency).ToArray());
        var f = QuintileScorer.Score(perCustomer.Select(c => (double)c.Frequency).ToArray());
        var m = QuintileScorer.Score(perCustomer.Select(c => (double)c.Monetary).ToArray());

        var customers = perCustomer.Select((c, i) => new CustomerRfm(c.Id, c.Recency, c.Frequency, c.Monetary, r[i], f[i], m[i],
            RfmSegmentMap.Classify(r[i], RfmSegmentMap.FmScore(f[i], m[i])))).ToList();
        return new RfmReport(asOf, customers, Summarise(customers));
    }

    /// <summary>Customers, revenue share and average R/F/M per segment. Revenue share is of total spend (0 when total ≤ 0).</summary>
    public static IReadOnlyList<RfmSegmentSummary> Summarise(IReadOnlyList<CustomerRfm> customers)
    {
        var totalRevenue = customers.Sum(c => c.Monetary);
        return customers
            .GroupBy(c => c.Segment)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var revenue = g.Sum(c => c.Monetary);
                var count = g.Count();
                return new RfmSegmentSummary(g.Key, count, (double)count / customers.Count, revenue,
                    totalRevenue > 0 ? (double)(revenue / totalRevenue) : 0,
                    g.Average(c => c.RecencyDays), g.Average(c => c.Frequency), revenue / count);
            })
            .ToList();
    }
}
