namespace Nexus.Core.Analytics.Metrics;

/// <summary>How revenue over time is bucketed.</summary>
public enum BucketSize
{
    Day,
    Week,
    Month,
}

/// <summary>One bucket of a time series: [Start, End).</summary>
public readonly record struct TimeBucket(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A half-open UTC interval [Start, End) of whole days, compared with the interval of the same length just
/// before it. Days are UTC days: stored dates are UTC and the tenant has no time zone setting yet.
/// </summary>
public sealed record ReportingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The <paramref name="days"/> UTC days ending with (and including) <paramref name="lastDay"/>.</summary>
    public static ReportingPeriod EndingOn(DateOnly lastDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var end = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new ReportingPeriod(end.AddDays(-days), end);
    }

    public int Days => (int)Math.Round((End - Start).TotalDays);

    /// <summary>The same number of days immediately before this period.</summary>
    public ReportingPeriod Previous => new(Start.AddDays(-Days), Start);

    /// <summary>Daily up to 31 days, weekly up to 26 weeks, else calendar months (first/last month may be partial).</summary>
    public BucketSize DefaultBucketSize => Days <= 31 ? BucketSize.Day : Days <= 182 ? BucketSize.Week : BucketSize.Month;

    /// <summary>Consecutive buckets covering the period exactly; weeks start on the period's first day.</summary>
    public IReadOnlyList<TimeBucket> Buckets(BucketSize size)
    {
        var buckets = new List<TimeBucket>();
        var start = Start;
        while (start < End)
        {
            var next = size switch
            {
                BucketSize.Day => start.AddDays(1),
                BucketSize.Week => start.AddDays(7),
                _ => new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1),
            };
            if (next > End) next = End;
            buckets.Add(new TimeBucket(start, next));
            start = next;
        }
        return buckets;
    }
}
